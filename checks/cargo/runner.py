"""Run one cargo command: streamed live, decoded leniently, time-bounded, its whole process group killed on timeout.

subprocess-tee (a declared dependency) is not used here: 0.4.2 ignores `timeout` and silently drops output that
is not UTF-8 (tooling_notes §2.1). This is the Popen recipe of tooling_notes §2.2 with two reader threads, so
stdout (cargo's JSON messages, libtest's report) and stderr (cargo's progress) are both read as they arrive.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import threading
import time
import tomllib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from ..core.errors import InfraError

KILL_GRACE_SECONDS = 3.0  # between SIGTERM and SIGKILL of the process group
NO_CARGO_HINT = "or pass --no-cargo to skip the build scenarios"


@dataclass(frozen=True)
class CargoCommand:
    """`cargo <args>` run in `cwd` with `env` added to the environment (sorted pairs, so it can be a dict key)."""

    args: tuple[str, ...]
    cwd: Path
    env: tuple[tuple[str, str], ...] = ()

    @property
    def subcommand(self) -> str:
        return self.args[0] if self.args else ""

    def display(self) -> str:
        prefix = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env if k != "CARGO_TARGET_DIR")
        return f"{prefix + ' ' if prefix else ''}cargo {shlex.join(self.args)}"


@dataclass
class CargoRun:
    """What one cargo process printed, line by line, and how it ended."""

    returncode: int
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {"returncode": self.returncode, "stdout": self.stdout, "stderr": self.stderr, "seconds": self.seconds}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> CargoRun:
        stdout, stderr = data["stdout"], data["stderr"]
        assert isinstance(stdout, list) and isinstance(stderr, list)
        return cls(int(str(data["returncode"])), [str(s) for s in stdout], [str(s) for s in stderr],
                   float(str(data.get("seconds", 0.0))))


class OutputSink(Protocol):
    """Where the live output goes while cargo runs (a terminal progress line, a log, nothing)."""

    def stdout_line(self, line: str) -> None: ...

    def stderr_line(self, line: str) -> None: ...


class NullSink:
    def stdout_line(self, line: str) -> None:
        pass

    def stderr_line(self, line: str) -> None:
        pass


# A display opens a sink for one command and closes it when the command ends (it may draw a progress line).
Display = Callable[[CargoCommand], AbstractContextManager[OutputSink]]


@contextmanager
def no_display(command: CargoCommand) -> Iterator[OutputSink]:
    yield NullSink()


class CargoTimeout(InfraError):
    """cargo ran longer than --cargo-timeout; its process group was killed."""


def find_cargo(env: dict[str, str] | None = None) -> str:
    """The cargo executable on PATH, or an InfraError that says what to do."""
    path = (env if env is not None else os.environ).get("PATH", os.defpath)
    found = shutil.which("cargo", path=path)
    if found is None:
        raise InfraError(f"cargo is not installed (not found on PATH): install Rust with rustup "
                         f"(https://rustup.rs), {NO_CARGO_HINT}")
    return found


def child_env(extra: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    env = dict(os.environ)
    # A toolchain the target pins but the machine lacks must be an error, not a silent multi-minute download.
    env.setdefault("RUSTUP_AUTO_INSTALL", "0")
    env.setdefault("CARGO_TERM_PROGRESS_WHEN", "never")  # stderr is a pipe: no \r progress bar
    env.update(dict(extra))
    return env


def _pump(stream: IO[bytes], lines: list[str], emit: Callable[[str], None]) -> None:
    for raw in iter(stream.readline, b""):
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        lines.append(line)
        with suppress(Exception):  # a broken display must never lose output or stop the reader
            emit(line)
    stream.close()


def _signal_group(pid: int, sig: signal.Signals) -> None:
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the whole process group (cargo, rustc, build scripts, test binaries), then SIGKILL what is left."""
    _signal_group(proc.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=KILL_GRACE_SECONDS)
    _signal_group(proc.pid, signal.SIGKILL)  # stragglers of the group survive their leader otherwise
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=KILL_GRACE_SECONDS)


def run_cargo(command: CargoCommand, timeout: float, sink: OutputSink | None = None) -> CargoRun:
    """Run `cargo <args>`; stream every line to `sink` as it arrives; kill the process group after `timeout` s."""
    env = child_env(command.env)
    cargo = find_cargo(env)
    sink = sink or NullSink()
    out: list[str] = []
    err: list[str] = []
    start = time.monotonic()
    try:
        proc = subprocess.Popen([cargo, *command.args], cwd=command.cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    except OSError as error:
        raise InfraError(f"cannot start cargo ({error}): check the Rust installation, {NO_CARGO_HINT}") from error
    assert proc.stdout is not None and proc.stderr is not None
    readers = [threading.Thread(target=_pump, args=(proc.stdout, out, sink.stdout_line), daemon=True),
               threading.Thread(target=_pump, args=(proc.stderr, err, sink.stderr_line), daemon=True)]
    for reader in readers:
        reader.start()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        for reader in readers:
            reader.join(timeout=KILL_GRACE_SECONDS)
        raise CargoTimeout(f"`{command.display()}` timed out after {timeout:g} s and was stopped: raise "
                           f"--cargo-timeout or warm the build by running it once by hand, {NO_CARGO_HINT}") from None
    except BaseException:  # Ctrl-C: never leave a compiler running behind us
        _kill_group(proc)
        raise
    for reader in readers:  # a straggler of the group may still hold the pipes open: bounded too
        reader.join(timeout=max(0.5, start + timeout - time.monotonic()))
    if any(reader.is_alive() for reader in readers):
        _kill_group(proc)
        for reader in readers:
            reader.join(timeout=KILL_GRACE_SECONDS)
    return CargoRun(proc.returncode, out, err, round(time.monotonic() - start, 3))


def toolchain_version(cwd: Path, timeout: float = 60.0) -> str:
    """`rustc -vV` as the target sees it (a rust-toolchain file in `cwd` picks the toolchain)."""
    env = child_env()
    find_cargo(env)
    rustc = shutil.which("rustc", path=env.get("PATH", os.defpath))
    if rustc is None:
        raise InfraError(f"rustc is not installed (not found on PATH): install Rust with rustup (https://rustup.rs), "
                         f"{NO_CARGO_HINT}")
    try:
        proc = subprocess.run([rustc, "-vV"], cwd=cwd, env=env, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise InfraError(f"`rustc -vV` did not answer within {timeout:g} s: check the Rust installation, "
                         f"{NO_CARGO_HINT}") from None
    except OSError as error:
        raise InfraError(f"cannot start rustc ({error}): check the Rust installation, {NO_CARGO_HINT}") from error
    stdout = proc.stdout.decode("utf-8", errors="replace")
    stderr = proc.stderr.decode("utf-8", errors="replace")
    if proc.returncode != 0:
        raise InfraError(missing_toolchain_message(stderr, cwd) or
                         f"`rustc -vV` failed: {first_error_line(stderr)}; {NO_CARGO_HINT}")
    return stdout.strip()


def first_error_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return next((line for line in lines if line.startswith("error")), lines[0] if lines else "no output")


def missing_toolchain_message(stderr: str, cwd: Path) -> str | None:
    """rustup's "toolchain 'X' is not installed", as one line that says which file pins it and what to run."""
    if "no default is configured" in stderr:
        return f"no Rust toolchain is configured for rustup: run `rustup default stable`, {NO_CARGO_HINT}"
    for line in stderr.splitlines():
        if "is not installed" in line and "toolchain" in line:
            name = line.split("'")[1] if line.count("'") >= 2 else "the pinned toolchain"
            pin = next((f for f in ("rust-toolchain.toml", "rust-toolchain") if (cwd / f).is_file()), None)
            channel = _pinned_channel(cwd / pin) if pin else None
            where = f" (pinned by {pin})" if pin else ""
            return (f"Rust toolchain {name}{where} is not installed: run `rustup toolchain install "
                    f"{channel or name}`, {NO_CARGO_HINT}")
    return None


def _pinned_channel(path: Path) -> str | None:
    """The channel of a rust-toolchain(.toml) file: `[toolchain] channel = "..."`, or the legacy one-line form."""
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return text.strip().splitlines()[0].strip() if text.strip() else None
    toolchain = data.get("toolchain")
    channel = toolchain.get("channel") if isinstance(toolchain, dict) else None
    return str(channel) if channel else None
