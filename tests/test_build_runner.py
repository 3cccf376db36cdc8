"""Running cargo: streamed, decoded leniently, time-bounded with the whole process group killed (fake cargo)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest
from connector_compliance.checks.cargo.runner import (
    KILL_GRACE_SECONDS,
    CargoCommand,
    CargoTimeout,
    run_cargo,
    toolchain_version,
)
from connector_compliance.checks.core.errors import InfraError


class Lines:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.err: list[str] = []

    def stdout_line(self, line: str) -> None:
        self.out.append(line)

    def stderr_line(self, line: str) -> None:
        self.err.append(line)


def fake_tool(bin_dir: Path, name: str, script: str) -> Path:
    bin_dir.mkdir(parents=True, exist_ok=True)
    path = bin_dir / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


@pytest.fixture
def fake_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH holding only the fake tools (and the shell utilities they use)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sleep", "printf", "echo", "sh", "cat"):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    monkeypatch.setenv("PATH", str(bin_dir))
    return bin_dir


def gone(pid: int, within: float = 5.0) -> bool:
    """The process group is gone (its killed members may take a moment to be reaped)."""
    deadline = time.monotonic() + within
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pid)


def alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def test_output_streams_line_by_line_and_survives_bytes_that_are_not_utf8(fake_path: Path, tmp_path: Path) -> None:
    fake_tool(fake_path, "cargo", r"""printf '{"reason":"build-finished","success":true}\n'
printf 'caf\303\251 \300\200 end\n'
printf '    Checking x v0.1.0\n' >&2
printf 'no newline at the end'
exit 3
""")
    lines = Lines()
    run = run_cargo(CargoCommand(("check",), tmp_path), timeout=30, sink=lines)
    assert run.returncode == 3
    assert run.stdout == ['{"reason":"build-finished","success":true}', "café \ufffd\ufffd end",
                          "no newline at the end"]
    assert run.stderr == ["    Checking x v0.1.0"]
    assert (lines.out, lines.err) == (run.stdout, run.stderr)


def test_a_broken_display_loses_no_output(fake_path: Path, tmp_path: Path) -> None:
    fake_tool(fake_path, "cargo", "echo one\necho two\n")

    class Broken:
        def stdout_line(self, line: str) -> None:
            raise RuntimeError("display failed")

        def stderr_line(self, line: str) -> None:
            raise RuntimeError("display failed")

    assert run_cargo(CargoCommand(("check",), tmp_path), timeout=30, sink=Broken()).stdout == ["one", "two"]


@pytest.mark.slow  # waits out a real timeout
def test_timeout_kills_the_whole_process_group_within_the_bound(fake_path: Path, tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    # cargo's children (rustc, build scripts) share its process group; one of them even ignores SIGTERM.
    fake_tool(fake_path, "cargo", f"""echo $$ > {pid_file}
sh -c 'trap "" TERM; sleep 300' &
sleep 300 &
echo started
sleep 300
""")
    start = time.monotonic()
    with pytest.raises(CargoTimeout) as raised:
        run_cargo(CargoCommand(("check", "-p", "x"), tmp_path), timeout=1.0)
    elapsed = time.monotonic() - start
    assert elapsed < 1.0 + 2 * KILL_GRACE_SECONDS + 2
    message = str(raised.value)
    assert "`cargo check -p x` timed out after 1 s" in message and "--cargo-timeout" in message
    assert "\n" not in message
    assert isinstance(raised.value, InfraError)
    assert gone(int(pid_file.read_text())), "a process of cargo's group survived the timeout"


def test_cargo_missing_from_path_is_an_infrastructure_error(fake_path: Path, tmp_path: Path) -> None:
    with pytest.raises(InfraError, match=r"^cargo is not installed \(not found on PATH\): install Rust with rustup"):
        run_cargo(CargoCommand(("check",), tmp_path), timeout=30)
    with pytest.raises(InfraError, match="cargo is not installed"):
        toolchain_version(tmp_path)


def test_a_pinned_toolchain_that_is_missing_says_what_to_install(fake_path: Path, tmp_path: Path) -> None:
    fake_tool(fake_path, "cargo", "exit 0\n")
    fake_tool(fake_path, "rustc", "echo \"error: toolchain '1.70.0-x86_64-unknown-linux-gnu' is not installed\" >&2\n"
                                  "exit 1\n")
    (tmp_path / "rust-toolchain.toml").write_text('[toolchain]\nchannel = "1.70.0"\n')
    with pytest.raises(InfraError) as raised:
        toolchain_version(tmp_path)
    assert str(raised.value).startswith("Rust toolchain 1.70.0-x86_64-unknown-linux-gnu (pinned by "
                                        "rust-toolchain.toml) is not installed: run `rustup toolchain install 1.70.0`")


def test_toolchain_version_is_rustc_vv(fake_path: Path, tmp_path: Path) -> None:
    fake_tool(fake_path, "cargo", "exit 0\n")
    fake_tool(fake_path, "rustc", "echo 'rustc 1.95.0 (59807616e 2026-04-14)'\necho 'host: x86_64'\n")
    assert toolchain_version(tmp_path) == "rustc 1.95.0 (59807616e 2026-04-14)\nhost: x86_64"


@pytest.mark.skipif(shutil.which("rustup") is None, reason="needs rustup")
def test_real_rustup_with_a_pin_the_machine_lacks(tmp_path: Path) -> None:
    installed = subprocess.run(["rustup", "toolchain", "list"], capture_output=True, text=True, check=False).stdout
    if "1.61.0" in installed:
        pytest.skip("toolchain 1.61.0 is installed here")
    (tmp_path / "rust-toolchain.toml").write_text('[toolchain]\nchannel = "1.61.0"\n')
    start = time.monotonic()
    with pytest.raises(InfraError, match=r"Rust toolchain 1\.61\.0.*rustup toolchain install 1\.61\.0"):
        toolchain_version(tmp_path)
    assert time.monotonic() - start < 30  # RUSTUP_AUTO_INSTALL=0: no download


@pytest.mark.slow  # waits out a real timeout
def test_a_straggler_holding_the_pipe_after_cargo_exits_is_bounded_and_killed(fake_path: Path, tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    fake_tool(fake_path, "cargo", f"echo $$ > {pid_file}\nsleep 300 &\necho done\nexit 0\n")
    start = time.monotonic()
    run = run_cargo(CargoCommand(("check",), tmp_path), timeout=1.0)
    assert time.monotonic() - start < 1.0 + 2 * KILL_GRACE_SECONDS + 2
    assert (run.returncode, run.stdout) == (0, ["done"])
    assert gone(int(pid_file.read_text()))
