"""The unit every check returns: a location in the target checkout, what is wrong, and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

RUN_LEVEL = "run_level"  # extra key: the finding belongs to no single connector (a missing shared file)
# A finding's status against a run's baseline (run/baseline.py); a build rule that compared with the base commit's
# build itself says which in extra["baseline"].
NEW, PRE_EXISTING, FIXED = "new", "pre-existing", "fixed"


@dataclass(frozen=True)
class Finding:
    """One problem at `file:line` of the target (path relative to the checkout root, line 1-based)."""

    rule: str
    file: str
    line: int
    message: str
    hint: str = ""
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        if not self.extra:
            data.pop("extra")
        return data

    def location(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def run_level(self) -> bool:
        """True for a finding about a shared file that says the same for every connector: reported once per run."""
        return bool(self.extra.get(RUN_LEVEL))
