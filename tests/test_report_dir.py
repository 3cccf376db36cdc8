"""Where the reports go: never inside the target checkout."""

from __future__ import annotations

from pathlib import Path

import pytest
from connector_compliance.checks.core.errors import UsageError
from connector_compliance.checks.run.report_dir import resolve_report_dir


def test_default_outside_the_target_stays_where_it_is(tmp_path: Path) -> None:
    (tmp_path / "hs").mkdir()
    assert resolve_report_dir(None, tmp_path / "hs", tmp_path / "ci") == (tmp_path / "ci" / "compliance-report", None)


def test_default_inside_the_target_moves_beside_it_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "hs"
    (target / "crates").mkdir(parents=True)
    path, note = resolve_report_dir(None, target, target / "crates")
    assert path == tmp_path / "compliance-report"
    assert note == (f"the default report directory ./compliance-report would be inside the target checkout {target}; "
                    f"the reports go to {tmp_path / 'compliance-report'} instead (choose with --report-dir)")


@pytest.mark.parametrize("given", [Path("out"), Path("../hs/out"), Path(".")])
def test_a_given_directory_inside_the_target_is_refused(tmp_path: Path, given: Path) -> None:
    target = tmp_path / "hs"
    target.mkdir()
    with pytest.raises(UsageError, match=r"lies inside the target checkout .*: choose a directory outside it"):
        resolve_report_dir(given, target, target)


def test_a_symlink_into_the_target_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "hs"
    target.mkdir()
    (tmp_path / "link").symlink_to(target)
    with pytest.raises(UsageError):
        resolve_report_dir(Path("link/reports"), target, tmp_path)
    assert resolve_report_dir(Path("reports"), target, tmp_path) == (tmp_path / "reports", None)
