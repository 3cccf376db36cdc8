"""libtest's human report out of `cargo test` (its JSON format needs a nightly compiler, tooling_notes §2.3).

Reads `test NAME ... ok|FAILED|ignored` lines, the `test result:` summaries of every test binary, and the
`---- NAME stdout ----` sections with the panic location (`panicked at FILE:LINE:COL:`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

TEST_LINE = re.compile(r"^test (?P<name>\S+(?: - .+?)?) \.\.\. (?P<outcome>ok|FAILED|ignored)(?:, .*)?$")
RESULT_LINE = re.compile(r"^test result: (?P<status>\w+)\. (?P<passed>\d+) passed; (?P<failed>\d+) failed; "
                         r"(?P<ignored>\d+) ignored; (?P<measured>\d+) measured; (?P<filtered>\d+) filtered out")
SECTION = re.compile(r"^---- (?P<name>.+?) stdout ----$")
PANIC_AT = re.compile(r"panicked at (?:'.*?', )?(?P<file>[^\s:'][^:']*\.rs):(?P<line>\d+):(?P<column>\d+)")


@dataclass(frozen=True)
class TestFailure:
    name: str
    file: str | None
    line: int | None
    column: int | None
    output: tuple[str, ...]  # the test's captured output (panic message, assertion values)

    def message(self) -> str:
        lines = [line.strip() for line in self.output if line.strip() and not PANIC_AT.search(line)
                 and not line.startswith("note: run with `RUST_BACKTRACE")]
        return lines[0] if lines else "failed"


@dataclass
class TestReport:
    outcomes: dict[str, str] = field(default_factory=dict)  # test name -> ok | FAILED | ignored
    failures: dict[str, TestFailure] = field(default_factory=dict)
    passed: int = 0
    failed: int = 0
    ignored: int = 0
    filtered_out: int = 0
    binaries: int = 0  # how many `test result:` summaries were read

    def counts(self) -> dict[str, int]:
        return {"passed": self.passed, "failed": self.failed, "ignored": self.ignored,
                "filtered_out": self.filtered_out}

    def summary(self) -> str:
        return f"{self.passed} passed; {self.failed} failed; {self.ignored} ignored"


def parse_libtest(lines: Iterable[str]) -> TestReport:
    report = TestReport()
    section: str | None = None
    captured: dict[str, list[str]] = {}
    for line in lines:
        if line.startswith("{"):  # cargo's JSON messages share stdout under --message-format=json
            continue
        if match := SECTION.match(line):
            section = match["name"]
            captured[section] = []
            continue
        if section is not None:
            if line.strip() in ("failures:", "successes:") or line.startswith("---- "):
                section = None
            else:
                captured[section].append(line)
                continue
        if match := TEST_LINE.match(line):
            report.outcomes[match["name"]] = match["outcome"]
        elif match := RESULT_LINE.match(line):
            report.binaries += 1
            report.passed += int(match["passed"])
            report.failed += int(match["failed"])
            report.ignored += int(match["ignored"])
            report.filtered_out += int(match["filtered"])
    for name, outcome in report.outcomes.items():
        if outcome != "FAILED":
            continue
        output = tuple(captured.get(name, []))
        where = next((m for m in (PANIC_AT.search(line) for line in output) if m is not None), None)
        report.failures[name] = TestFailure(name, where["file"] if where else None,
                                            int(where["line"]) if where else None,
                                            int(where["column"]) if where else None, output)
    return report
