"""Waivers: a file in the target that accepts a named failure for a named connector, with a justification and an
expiry date.

```toml
[[waiver]]
connector = "trustpay"
scenario = "Cancel (Void) flow is implemented when selected"   # or: rule = "flow.cancel", or: tag = "flow-cancel"
justification = "Trustpay cancels through the bank portal; HS-1234"
expires = 2027-01-31                                            # required, at most --waiver-horizon days ahead

[connectors.trustpay]          # optional: the selected flows, for repositories without GRACE plans
flows = ["authorize", "psync", "refund", "rsync"]
```
A waiver names one thing: a scenario, a rule id, or a tag that only one scenario carries. Severity tags (`error`,
`warning`) and a feature's own tag (`flows`, `registration`) would waive everything at once, so they are refused.
A waived failure is shown as waived, not passed; an expired waiver no longer applies and fails the run; an unused
one is reported. A malformed file stops the run with exit 2 and one message that names the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import UsageError
from ..core.names import is_module_name, printable
from ..facts.flow_catalog import GUIDE_FLOW_NAMES
from ..target.files import MAX_FILE_BYTES
from ..target.toml_files import parse_toml

DEFAULT_WAIVER_FILE = ".connector-compliance.toml"
DEFAULT_HORIZON_DAYS = 180
SEVERITY_TAGS = frozenset({"error", "warning"})
WAIVER_KEYS = ("connector", "scenario", "rule", "tag", "justification", "expires")
TARGETS = ("scenario", "rule", "tag")
MIN_JUSTIFICATION = 10  # characters, with at least one letter: "." or "ok" says nothing to a reviewer
MAX_TEXT = 500  # characters in one field


@dataclass
class Waiver:
    connector: str
    justification: str
    scenario: str | None = None
    tag: str | None = None
    expires: dt.date | None = None
    index: int = 0  # position in the file, for messages
    used: bool = False
    rule: str | None = None

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def matches(self, connector: str, scenario: str, tags: list[str], rules: Collection[str] = ()) -> bool:
        if connector != self.connector:
            return False
        if self.rule is not None:
            return bool(rules) and all(r == self.rule or r.startswith(self.rule + ".") for r in rules)
        return (self.scenario is not None and self.scenario == scenario) or (self.tag is not None and self.tag in tags)

    def status(self, today: dt.date) -> str:
        return "expired" if self.expired(today) else ("applied" if self.used else "unused")

    def key(self) -> tuple[object, ...]:
        return (self.connector, self.scenario, self.rule, self.tag, self.justification, self.expires)

    def describe(self) -> str:
        what = (f"scenario {self.scenario!r}" if self.scenario else f"rule {self.rule}" if self.rule
                else f"tag {self.tag}")
        return printable(f"{self.connector} / {what}")

    def as_dict(self, today: dt.date) -> dict[str, object]:
        return {"connector": self.connector, "scenario": self.scenario, "rule": self.rule, "tag": self.tag,
                "justification": self.justification,
                "expires": self.expires.isoformat() if self.expires else None, "status": self.status(today)}


@dataclass
class WaiverFile:
    path: str | None
    waivers: list[Waiver] = field(default_factory=list)
    flows: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def find(self, connector: str, scenario: str, tags: list[str], today: dt.date,
             rules: Collection[str] = ()) -> Waiver | None:
        """The first live waiver for this failure (marking it used); expired ones never apply."""
        for waiver in self.waivers:
            if waiver.matches(connector, scenario, tags, rules):
                waiver.used = True
                if not waiver.expired(today):
                    return waiver
        return None


@dataclass(frozen=True)
class WaiverRules:
    """What a waiver may name, and how far ahead it may expire."""

    today: dt.date
    horizon_days: int = DEFAULT_HORIZON_DAYS
    waivable_tags: frozenset[str] | None = None  # tags that exactly one scenario carries (None: not known here)
    catch_all_tags: frozenset[str] = frozenset()  # feature tags: every scenario of a feature carries them


def _text(entry: dict[str, object], key: str, where: str, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        kind = type(value).__name__ if value is not None else "missing"
        raise UsageError(f"{where}: {key} must be a non-empty string (got {kind})")
    if len(value) > MAX_TEXT or any(ord(c) < 0x20 and c != "\t" for c in value):
        raise UsageError(f"{where}: {key} must be one line of at most {MAX_TEXT} characters")
    return value.strip()


def _date(value: object, where: str, rules: WaiverRules) -> dt.date:
    if value is None:
        raise UsageError(f"{where}: expires is required (a date like {rules.today.year + 1}-01-31, at most "
                         f"{rules.horizon_days} days ahead)")
    if isinstance(value, dt.datetime):
        date = value.date()
    elif isinstance(value, dt.date):
        date = value
    else:
        try:
            date = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            date = None
        if date is None:
            raise UsageError(f"{where}: expires must be a date like {rules.today.year + 1}-01-31")
    if date > rules.today + dt.timedelta(days=rules.horizon_days):
        raise UsageError(f"{where}: expires {date.isoformat()} is more than {rules.horizon_days} days ahead "
                         f"(at most {(rules.today + dt.timedelta(days=rules.horizon_days)).isoformat()}; renew it "
                         "when it runs out)")
    return date


def _waiver(entry: object, index: int, label: str, rules: WaiverRules) -> Waiver:
    where = f"{label}: waiver {index}"
    if not isinstance(entry, dict):
        raise UsageError(f"{where} must be a [[waiver]] table")
    unknown = sorted(set(entry) - set(WAIVER_KEYS))
    if unknown:
        raise UsageError(f"{where} has unknown keys: {printable(', '.join(unknown))} (allowed: "
                         f"{', '.join(WAIVER_KEYS)})")
    connector = _text(entry, "connector", where)
    assert connector is not None
    if not is_module_name(connector):
        raise UsageError(f"{where}: connector {printable(connector)!r} is not a module name ([a-z0-9_]+)")
    named = [key for key in TARGETS if entry.get(key) is not None]
    if len(named) != 1:
        raise UsageError(f"{where} ({connector}) must name exactly one of scenario, rule or tag "
                         f"(it names {', '.join(named) or 'none'})")
    target = _text(entry, named[0], where)
    assert target is not None
    if named[0] == "tag":
        if target in SEVERITY_TAGS or target in rules.catch_all_tags:
            raise UsageError(f"{where} ({connector}): tag {printable(target)!r} is carried by many scenarios and "
                             "cannot be waived; name the scenario or the rule id")
        if rules.waivable_tags is not None and target not in rules.waivable_tags:
            raise UsageError(f"{where} ({connector}): tag {printable(target)!r} does not name exactly one "
                             "scenario; name the scenario or the rule id")
    justification = _text(entry, "justification", where)
    assert justification is not None
    if len(justification) < MIN_JUSTIFICATION or not any(c.isalpha() for c in justification):
        raise UsageError(f"{where} ({connector}): the justification must say why the failure is accepted (at "
                         f"least {MIN_JUSTIFICATION} characters, e.g. a ticket and a reason)")
    return Waiver(connector, justification, target if named[0] == "scenario" else None,
                  target if named[0] == "tag" else None, _date(entry.get("expires"), where, rules), index,
                  rule=target if named[0] == "rule" else None)


def _flows(data: object, label: str) -> dict[str, tuple[str, ...]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"{label}: [connectors] must be a table of [connectors.NAME] tables")
    flows: dict[str, tuple[str, ...]] = {}
    for connector, table in data.items():
        where = f"{label}: [connectors.{printable(connector)}]"
        if not is_module_name(connector):
            raise UsageError(f"{where}: {printable(connector)!r} is not a module name ([a-z0-9_]+)")
        if not isinstance(table, dict):
            raise UsageError(f"{where} must be a table")
        unknown = sorted(set(table) - {"flows"})
        if unknown:
            raise UsageError(f"{where} has unknown keys: {printable(', '.join(unknown))} (allowed: flows)")
        listed = table.get("flows")
        if listed is None:
            continue
        if not isinstance(listed, list) or not listed or not all(isinstance(f, str) for f in listed):
            raise UsageError(f"{where}: flows must be a non-empty list of flow names, e.g. [\"authorize\", \"psync\"]")
        unknown_flows = [f for f in listed if f not in GUIDE_FLOW_NAMES]
        if unknown_flows:
            raise UsageError(f"{where} names unknown flows: {printable(', '.join(unknown_flows))}")
        flows[connector] = tuple(dict.fromkeys(listed))
    return flows


def parse_waivers(text: str, label: str, rules: WaiverRules, path: str | None = None) -> WaiverFile:
    """A waiver file's text, validated field by field; any problem is one UsageError that names the field."""
    data, error, line = parse_toml(text)
    if data is None:
        raise UsageError(f"waiver file {label} is not valid TOML (line {line}): {printable(str(error))}")
    unknown = sorted(set(data) - {"waiver", "connectors"})
    if unknown:
        raise UsageError(f"waiver file {label} has unknown top-level keys: {printable(', '.join(unknown))} "
                         "(allowed: [[waiver]] and [connectors.NAME])")
    entries = data.get("waiver", [])
    if not isinstance(entries, list):
        raise UsageError(f"waiver file {label}: `waiver` must be an array of [[waiver]] tables")
    waivers = [_waiver(entry, index, label, rules) for index, entry in enumerate(entries, start=1)]
    return WaiverFile(path or label, waivers, _flows(data.get("connectors"), label))


def read_waiver_text(path: Path) -> str:
    """A waiver file named on the command line (outside the target): bounded, UTF-8."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UsageError(f"waiver file {path} is larger than {MAX_FILE_BYTES:,} bytes")
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"waiver file {path} is not UTF-8 text: {error.reason} at byte {error.start}") from None
    except OSError as error:
        raise UsageError(f"waiver file {path} cannot be read: {error.strerror}") from None


def load_waivers(path: Path | None, required: bool, rules: WaiverRules | None = None) -> WaiverFile:
    """Read a waiver file from disk; a missing default file is fine, a missing named one or a malformed one is not."""
    if path is None or not path.is_file():
        if required:
            raise UsageError(f"waiver file {path} does not exist")
        return WaiverFile(None)
    return parse_waivers(read_waiver_text(path), path.name, rules or WaiverRules(dt.date.today()), str(path))


def differences(base: WaiverFile, head: WaiverFile) -> list[str]:
    """What a pull request changes in the waivers and flow overrides, one phrase each."""
    before = {w.key(): w for w in base.waivers}
    after = {w.key(): w for w in head.waivers}
    changes = [f"adds waiver {w.describe()}" for key, w in after.items() if key not in before]
    changes += [f"removes waiver {w.describe()}" for key, w in before.items() if key not in after]
    for connector in sorted(set(base.flows) | set(head.flows)):
        if base.flows.get(connector) != head.flows.get(connector):
            changes.append(f"changes [connectors.{connector}] flows to "
                           f"{list(head.flows[connector]) if connector in head.flows else 'none'}")
    return changes


def tag_counts(tag_lines: Iterable[tuple[bool, list[str]]]) -> tuple[frozenset[str], frozenset[str]]:
    """(waivable, catch-all) tags from the Gherkin tag lines: (before `Feature:`, tags). A tag on one scenario's
    line, exactly once across the features, is waivable; a feature's own tags are catch-all."""
    seen: dict[str, int] = {}
    catch_all: set[str] = set()
    for feature_level, tags in tag_lines:
        for tag in tags:
            if feature_level:
                catch_all.add(tag)
            else:
                seen[tag] = seen.get(tag, 0) + 1
    waivable = {t for t, n in seen.items() if n == 1 and t not in catch_all and t not in SEVERITY_TAGS}
    return frozenset(waivable), frozenset(catch_all)
