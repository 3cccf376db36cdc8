"""The cargo commands of one harness run: built from the settings, each run at most once, cached on disk.

Every scenario that needs `cargo check` of the connector's crate shares one run; a run whose inputs have not
changed since an earlier harness run is read from the disk cache and cargo is not started at all. A failure of
the machine rather than of the code (cargo missing, a pinned toolchain absent, dependencies that cannot be
fetched, a timeout) raises InfraError, and is remembered, so the next scenario does not wait for it again.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..cargo.cache import DiskCache, cache_key, default_cache_dir, inputs_digest
from ..cargo.diagnostics import REGISTRATION_FILES, Diagnostic, build_failed, diagnostics
from ..cargo.libtest import TestReport, parse_libtest
from ..cargo.runner import (
    NO_CARGO_HINT,
    CargoCommand,
    CargoRun,
    Display,
    OutputSink,
    first_error_line,
    missing_toolchain_message,
    no_display,
    run_cargo,
    toolchain_version,
)
from ..core.errors import InfraError
from ..target import layout

DEFAULT_CARGO_ARGS: tuple[str, ...] = ("-p", "hyperswitch_connectors", "--features", "v1")
DEFAULT_TIMEOUT = 3600.0  # seconds; a cold real Hyperswitch build on 2 cores takes tens of minutes
JSON = "--message-format=json"
# Registration files that only a test build compiles; `cargo check` of the registration crates skips them.
TEST_ONLY_REGISTRATION = (layout.ROUTER_TESTS_MAIN_RS, layout.TEST_AUTH_RS)

Runner = Callable[[CargoCommand, float, OutputSink], CargoRun]
Toolchain = Callable[[Path], str]


@dataclass(frozen=True)
class CargoSettings:
    cargo_args: tuple[str, ...] = DEFAULT_CARGO_ARGS  # the connector crate's package and features
    clippy: bool = False
    auth_file: Path | None = None  # CONNECTOR_AUTH_FILE_PATH for the router's sandbox tests
    target_dir: Path | None = None  # None: cargo's default, the target's own target/
    timeout: float = DEFAULT_TIMEOUT
    cache_dir: Path | None = field(default_factory=default_cache_dir)  # None: no disk cache
    display: Display = no_display
    runner: Runner = run_cargo
    toolchain: Toolchain = toolchain_version


@dataclass
class CargoRecord:
    """One command as this harness run used it: run now, or read from the disk cache."""

    purpose: str
    command: str
    source: str  # "ran" | "disk-cache"
    seconds: float
    returncode: int
    key: str
    tests: dict[str, int] | None = None

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"purpose": self.purpose, "command": self.command, "source": self.source,
                                   "seconds": self.seconds, "returncode": self.returncode, "key": self.key}
        if self.tests is not None:
            data["tests"] = self.tests
        return data


def without_package_selection(args: tuple[str, ...]) -> tuple[str, ...]:
    """The arguments minus `-p X` / `--package X` / `--workspace`: features and flags to reuse elsewhere."""
    kept: list[str] = []
    skip_next = False
    for arg in args:
        if skip_next:
            skip_next = False
        elif arg in ("-p", "--package", "--exclude"):
            skip_next = True
        elif arg.startswith(("--package=", "--exclude=")) or (arg.startswith("-p") and len(arg) > 2):
            continue
        elif arg not in ("--workspace", "--all"):
            kept.append(arg)
    return tuple(kept)


def package_of(root: Path, rel: str) -> str | None:
    """The package that owns a file: the nearest Cargo.toml above it with a [package] name."""
    directory = (root / rel).parent
    while directory != root.parent and root in (directory, *directory.parents):
        manifest = directory / "Cargo.toml"
        if manifest.is_file():
            try:
                package = tomllib.loads(manifest.read_text(encoding="utf-8")).get("package")
            except (OSError, tomllib.TOMLDecodeError):
                return None
            return str(package["name"]) if isinstance(package, dict) and "name" in package else None
        directory = directory.parent
    return None


NETWORK = re.compile(r"failed to (download|fetch|get|load source|update|query)|unable to update|network failure|"
                     r"failed to resolve address|could not resolve host|couldn't resolve host|--offline|"
                     r"spurious network error|failed to clone|unable to get packages from source", re.IGNORECASE)
LOCK = re.compile(r"cannot (update|create) the lock file")
MANIFEST = re.compile(r"failed to (read|parse|load) manifest|failed to read `[^`]*Cargo\.toml`|"
                      r"could not parse input as TOML")
BUILD_SCRIPT = re.compile(r"failed to run custom build command for `(?P<package>[^`]+)`")
USAGE = re.compile(r"did not match any packages|not found in workspace|could not find `Cargo.toml`|"
                   r"unexpected argument|none of the selected packages contains|unrecognized subcommand|"
                   r"no such command", re.IGNORECASE)


@dataclass(frozen=True)
class InfraFailure:
    kind: str  # toolchain | network | lock | manifest | build-script | usage | other
    message: str

    @property
    def workspace_wide(self) -> bool:
        """A missing toolchain, unreachable dependencies or a stale lock fail every later command the same way."""
        return self.kind in ("toolchain", "network", "lock", "manifest")


def infra_failure(command: CargoCommand, run: CargoRun) -> InfraFailure | None:
    """Why cargo could not give a verdict at all (None when it compiled, or failed on located code errors)."""
    if run.returncode == 0:
        return None
    stderr = "\n".join(run.stderr)
    toolchain = missing_toolchain_message(stderr, command.cwd)
    if toolchain:
        return InfraFailure("toolchain", toolchain)
    if diagnostics(run.stdout):
        return None  # rustc reported errors at file:line: a verdict, not an infrastructure failure
    if build_failed(run.stdout) is False and parse_libtest(run.stdout).binaries:
        return None  # it built and the tests ran: failing tests are a verdict too
    display = command.display()
    if LOCK.search(stderr):
        return InfraFailure("lock", f"`{display}`: Cargo.lock is missing or does not match the manifests, and the "
                            f"harness never lets cargo write it: run `cargo update --workspace` in the checkout "
                            f"and commit Cargo.lock, {NO_CARGO_HINT}")
    if MANIFEST.search(stderr):
        line = next((ln.strip() for ln in reversed(run.stderr) if ln.strip()), "")
        return InfraFailure("manifest", f"`{display}`: cargo cannot read the workspace's manifests ({line}): fix the "
                            f"Cargo.toml it names, {NO_CARGO_HINT}")
    if match := BUILD_SCRIPT.search(stderr):
        detail = next((line.strip() for line in run.stderr if re.search(r"could not find|not found|error:", line, re.I)
                       and "custom build command" not in line), "")
        return InfraFailure("build-script", f"`{display}`: the build script of {match['package']} failed "
                            f"({detail or 'see the output above'}): install the system packages it needs (e.g. "
                            f"libssl-dev, protobuf-compiler, pkg-config), {NO_CARGO_HINT}")
    if NETWORK.search(stderr):
        line = next((ln.strip() for ln in reversed(run.stderr) if NETWORK.search(ln)), first_error_line(stderr))
        return InfraFailure("network", f"`{display}`: dependencies cannot be fetched (offline?): {line}: run "
                            f"`cargo fetch` in the target with network access, {NO_CARGO_HINT}")
    if USAGE.search(stderr):
        return InfraFailure("usage", f"`{display}` was rejected: {first_error_line(stderr)}: fix --cargo-args, "
                            f"{NO_CARGO_HINT}")
    return InfraFailure("other", f"`{display}` failed (exit {run.returncode}) without a located compiler error: "
                        f"{first_error_line(stderr)}: see cargo's output above, {NO_CARGO_HINT}")


class CargoSession:
    """The cargo side of one harness run against one target checkout."""

    def __init__(self, root: Path, settings: CargoSettings | None = None) -> None:
        self.root = root.resolve()
        self.settings = settings or CargoSettings()
        self.cache = DiskCache(self.settings.cache_dir)
        self.records: list[CargoRecord] = []
        self._runs: dict[CargoCommand, CargoRun | InfraError] = {}
        self._errors: dict[CargoCommand, list[Diagnostic]] = {}
        self._tests: dict[CargoCommand, TestReport] = {}
        self._toolchain: str | InfraError | None = None
        self._inputs: str | None = None
        self._blocked: InfraError | None = None  # a failure every later command would repeat (no network, ...)
        self.started = 0  # cargo processes started by this session

    # --- the commands ---------------------------------------------------------------------------------------

    def _command(self, *args: str, env: tuple[tuple[str, str], ...] = ()) -> CargoCommand:
        if not any(a in ("--locked", "--frozen") for a in args):
            # cargo would otherwise create or update Cargo.lock: the harness never writes into the checkout.
            args = (args[0], "--locked", *args[1:])
        extra = dict(env)
        if self.settings.target_dir is not None:
            extra["CARGO_TARGET_DIR"] = str(self.settings.target_dir)
        return CargoCommand(tuple(args), self.root, tuple(sorted(extra.items())))

    def check_command(self) -> CargoCommand:
        return self._command("check", *self.settings.cargo_args, JSON)

    def registration_packages(self) -> list[str]:
        """The packages holding the registration points (read from their manifests), in a stable order."""
        packages: dict[str, None] = {}
        for rel in REGISTRATION_FILES:
            if rel in TEST_ONLY_REGISTRATION or not (self.root / rel).is_file():
                continue
            name = package_of(self.root, rel)
            if name is not None:
                packages[name] = None
        return sorted(packages)

    def registration_command(self) -> CargoCommand:
        selection = [arg for name in self.registration_packages() for arg in ("-p", name)]
        return self._command("check", *selection, *without_package_selection(self.settings.cargo_args), JSON)

    def clippy_command(self) -> CargoCommand:
        # --no-deps: lint the connector's crate, not the workspace crates it depends on (their lints are not the
        # connector's to fix, and would stop the build before the connector is linted).
        return self._command("clippy", *self.settings.cargo_args, "--no-deps", JSON, "--", "-D", "warnings")

    def unit_test_command(self, connector: str) -> CargoCommand:
        return self._command("test", *self.settings.cargo_args, JSON, "--", f"connectors::{connector}::")

    def sandbox_test_command(self, connector: str) -> CargoCommand:
        assert self.settings.auth_file is not None
        env = (("CONNECTOR_AUTH_FILE_PATH", str(self.settings.auth_file)),)
        return self._command("test", "--package", "router", "--test", "connectors", JSON, "--", f"{connector}::",
                             "--test-threads=1", env=env)

    # --- running them ---------------------------------------------------------------------------------------

    def toolchain(self) -> str:
        if self._toolchain is None:
            try:
                self._toolchain = self.settings.toolchain(self.root)
            except InfraError as error:
                self._toolchain = error
        if isinstance(self._toolchain, InfraError):
            raise self._toolchain
        return self._toolchain

    def inputs(self) -> str:
        if self._inputs is None:
            skip = (self.settings.target_dir,) if self.settings.target_dir is not None else ()
            self._inputs = inputs_digest(self.root, skip)
        return self._inputs

    def run(self, purpose: str, command: CargoCommand, cacheable: bool = True) -> CargoRun:
        """The command's run: from this session, else from the disk cache, else cargo is started (once)."""
        if command in self._runs:
            known = self._runs[command]
            if isinstance(known, InfraError):
                raise known
            return known
        if self._blocked is not None:
            raise self._blocked
        try:
            result = self._load_or_run(purpose, command, cacheable)
        except InfraError as error:
            self._runs[command] = error
            raise
        self._runs[command] = result
        return result

    def errors(self, purpose: str, command: CargoCommand, cacheable: bool = True) -> list[Diagnostic]:
        """rustc's located errors in the command's output (parsed once)."""
        if command not in self._errors:
            self._errors[command] = diagnostics(self.run(purpose, command, cacheable).stdout, self.root)
        return self._errors[command]

    def tests(self, purpose: str, command: CargoCommand, cacheable: bool = True) -> TestReport:
        """libtest's report in the command's output (parsed once)."""
        if command not in self._tests:
            self._tests[command] = parse_libtest(self.run(purpose, command, cacheable).stdout)
        return self._tests[command]

    def _load_or_run(self, purpose: str, command: CargoCommand, cacheable: bool) -> CargoRun:
        key = cache_key(command, self.toolchain(), self.inputs())
        cached = self.cache.load(key) if cacheable else None
        if cached is not None:
            self.records.append(CargoRecord(purpose, command.display(), "disk-cache", cached.seconds,
                                            cached.returncode, key, _test_counts(command, cached)))
            return cached
        self.started += 1
        with self.settings.display(command) as sink:
            result = self.settings.runner(command, self.settings.timeout, sink)
        failure = infra_failure(command, result)
        if failure is not None:
            error = InfraError(failure.message)
            if failure.workspace_wide:
                self._blocked = error
            raise error
        if cacheable:
            self.cache.store(key, command, result)
        self.records.append(CargoRecord(purpose, command.display(), "ran", result.seconds, result.returncode, key,
                                        _test_counts(command, result)))
        return result


def _test_counts(command: CargoCommand, run: CargoRun) -> dict[str, int] | None:
    if command.subcommand != "test":
        return None
    report = parse_libtest(run.stdout)
    return report.counts() if report.binaries else None
