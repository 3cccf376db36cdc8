"""Waivers: a file in the target that accepts a named scenario for a named connector, with a justification.

```toml
[[waiver]]
connector = "trustpay"
scenario = "Cancel (Void) flow is implemented when selected"   # or: tag = "flow-cancel"
justification = "Trustpay cancels through the bank portal; HS-1234"
expires = 2027-01-31                                            # optional

[connectors.trustpay]          # optional: the selected flows, for repositories without GRACE plans
flows = ["authorize", "psync", "refund", "rsync"]
```
A waived failure is shown as waived, not passed; an expired waiver no longer applies and fails the run; an unused one
is reported. A malformed file stops the run with exit 2.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import UsageError
from ..facts.flow_catalog import GUIDE_FLOW_NAMES

DEFAULT_WAIVER_FILE = ".connector-compliance.toml"


@dataclass
class Waiver:
    connector: str
    justification: str
    scenario: str | None = None
    tag: str | None = None
    expires: dt.date | None = None
    index: int = 0  # position in the file, for messages
    used: bool = False

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def matches(self, connector: str, scenario: str, tags: list[str]) -> bool:
        if connector != self.connector:
            return False
        return (self.scenario is not None and self.scenario == scenario) or (self.tag is not None and self.tag in tags)

    def status(self, today: dt.date) -> str:
        return "expired" if self.expired(today) else ("applied" if self.used else "unused")

    def as_dict(self, today: dt.date) -> dict[str, object]:
        return {"connector": self.connector, "scenario": self.scenario, "tag": self.tag,
                "justification": self.justification,
                "expires": self.expires.isoformat() if self.expires else None, "status": self.status(today)}


@dataclass
class WaiverFile:
    path: str | None
    waivers: list[Waiver] = field(default_factory=list)
    flows: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def find(self, connector: str, scenario: str, tags: list[str], today: dt.date) -> Waiver | None:
        """The first live waiver for this failure (marking it used); expired ones never apply."""
        for waiver in self.waivers:
            if waiver.matches(connector, scenario, tags):
                waiver.used = True
                if not waiver.expired(today):
                    return waiver
        return None


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise UsageError(f"{where}: expires must be a date like 2027-01-31")


def load_waivers(path: Path | None, required: bool) -> WaiverFile:
    """Read a waiver file; a missing default file is fine, a missing named one or a malformed one is not."""
    if path is None or not path.is_file():
        if required:
            raise UsageError(f"waiver file {path} does not exist")
        return WaiverFile(None)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"waiver file {path} is not valid TOML: {error}") from error
    waivers = []
    for index, entry in enumerate(data.get("waiver", []), start=1):
        where = f"{path.name}: waiver {index}"
        if not isinstance(entry, dict):
            raise UsageError(f"{where} must be a [[waiver]] table")
        unknown = set(entry) - {"connector", "scenario", "tag", "justification", "expires"}
        if unknown:
            raise UsageError(f"{where} has unknown keys: {', '.join(sorted(unknown))}")
        connector = entry.get("connector")
        justification = str(entry.get("justification", "")).strip()
        if not isinstance(connector, str) or not connector:
            raise UsageError(f"{where} names no connector")
        if not justification:
            raise UsageError(f"{where} ({connector}) has no justification: say why the failure is accepted")
        if not entry.get("scenario") and not entry.get("tag"):
            raise UsageError(f"{where} ({connector}) names neither a scenario nor a tag")
        waivers.append(Waiver(connector, justification, entry.get("scenario"), entry.get("tag"),
                              _date(entry.get("expires"), where), index))
    flows: dict[str, tuple[str, ...]] = {}
    for connector, table in (data.get("connectors") or {}).items():
        listed = tuple(table.get("flows", [])) if isinstance(table, dict) else ()
        unknown_flows = [f for f in listed if f not in GUIDE_FLOW_NAMES]
        if unknown_flows:
            raise UsageError(f"{path.name}: [connectors.{connector}] names unknown flows: {', '.join(unknown_flows)}")
        if listed:
            flows[connector] = listed
    return WaiverFile(str(path), waivers, flows)
