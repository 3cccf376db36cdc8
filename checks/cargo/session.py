"""The cargo commands of one harness run: built from the settings, each run at most once, cached on disk.

Every scenario that needs `cargo check` of the connector's crate shares one run; a run whose inputs have not
changed since an earlier harness run is read from the disk cache and cargo is not started at all. A failure of
the machine rather than of the code (cargo missing, a pinned toolchain absent, dependencies that cannot be
fetched, a timeout) raises InfraError, and is remembered, so the next scenario does not wait for it again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..cargo.baseline import BaseCheckout, BaseCommit, BaseErrors, open_base
from ..cargo.cache import DiskCache, cache_key, default_cache_dir, inputs_digest
from ..cargo.diagnostics import Diagnostic, build_failed, built_libraries, diagnostics
from ..cargo.libtest import TestReport, parse_libtest
from ..cargo.plan import (  # noqa: F401 (package_of and without_package_selection: part of this module's API)
    DEFAULT_CARGO_ARGS,
    KEEP_GOING,
    CargoPlan,
    derive_plan,
    package_of,
    registration_packages,
    without_package_selection,
)
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

DEFAULT_TIMEOUT = 3600.0  # seconds; a cold real Hyperswitch build on 2 cores takes tens of minutes
JSON = "--message-format=json"
BASE_TARGET_SUBDIR = "connector-compliance-base"  # the base commit's build, beside the checkout's own artifacts

Runner = Callable[[CargoCommand, float, OutputSink], CargoRun]
Toolchain = Callable[[Path], str]


@dataclass(frozen=True)
class CargoSettings:
    cargo_args: tuple[str, ...] | None = None  # --cargo-args; None: derived from the target's CI (plan.py)
    clippy: bool = False
    base: BaseCommit | None = None  # the run's baseline: compare compiler errors with the build at that commit
    auth_file: Path | None = None  # CONNECTOR_AUTH_FILE_PATH for the router's sandbox tests
    target_dir: Path | None = None  # None: cargo's default, the target's own target/
    timeout: float = DEFAULT_TIMEOUT
    cache_dir: Path | None = field(default_factory=default_cache_dir)  # None: no disk cache
    display: Display = no_display
    runner: Runner = run_cargo
    toolchain: Toolchain = toolchain_version
    notice: Callable[[str], None] = lambda text: None  # says something before a long command starts


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
    used_by: list[str] = field(default_factory=list)  # every purpose this one run served
    errors: int = 0
    first_error: str | None = None
    notice: str | None = None
    could_not_run: str | None = None

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"purpose": self.purpose, "command": self.command, "source": self.source,
                                   "seconds": self.seconds, "returncode": self.returncode, "key": self.key,
                                   "used_by": self.used_by or [self.purpose], "errors": self.errors}
        if self.first_error is not None:
            data["first_error"] = self.first_error
        if self.tests is not None:
            data["tests"] = self.tests
        if self.notice is not None:
            data["notice"] = self.notice
        if self.could_not_run is not None:
            data["could_not_run"] = self.could_not_run
        return data


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
        self._records: dict[CargoCommand, CargoRecord] = {}
        self._errors: dict[CargoCommand, list[Diagnostic]] = {}
        self._tests: dict[CargoCommand, TestReport] = {}
        self._toolchain: dict[Path, str | InfraError] = {}
        self._inputs: dict[Path, str] = {}
        self._plan: CargoPlan | None = None
        self._base: BaseCheckout | InfraError | None = None
        self._blocked: InfraError | None = None  # a failure every later command would repeat (no network, ...)
        self._partial: dict[CargoCommand, str] = {}  # commands whose build partly could not run, and why
        self.started = 0  # cargo processes started by this session

    # --- the commands ---------------------------------------------------------------------------------------

    @property
    def plan(self) -> CargoPlan:
        """Which commands to run: --cargo-args, else read from the target's CI, else the defaults (read once)."""
        if self._plan is None:
            self._plan = derive_plan(self.root, self.settings.cargo_args)
        return self._plan

    def _command(self, *args: str, env: tuple[tuple[str, str], ...] = ()) -> CargoCommand:
        if KEEP_GOING in args and not _supports_keep_going(self.toolchain()):
            args = tuple(a for a in args if a != KEEP_GOING)
        if not any(a in ("--locked", "--frozen") for a in args):
            # cargo would otherwise create or update Cargo.lock: the harness never writes into the checkout.
            args = (args[0], "--locked", *args[1:])
        extra = dict(env)
        if self.settings.target_dir is not None:
            extra["CARGO_TARGET_DIR"] = str(self.settings.target_dir)
        return CargoCommand(tuple(args), self.root, tuple(sorted(extra.items())))

    def check_command(self) -> CargoCommand:
        return self._command("check", *self.plan.check, JSON)

    def registration_packages(self) -> list[str]:
        return registration_packages(self.root)

    def registration_command(self) -> CargoCommand:
        return self._command("check", *self.plan.registration, JSON)

    def clippy_command(self) -> CargoCommand:
        # --no-deps: lint the selected crates, not the workspace crates they depend on (their lints are not the
        # connector's to fix, and would stop the build before the connector is linted).
        return self._command("clippy", *self.plan.clippy, JSON, "--", *self.plan.clippy_lints)

    def unit_test_command(self, connector: str) -> CargoCommand:
        return self._command("test", *self.plan.unit_tests, JSON, "--", f"connectors::{connector}::")

    def sandbox_test_command(self, connector: str) -> CargoCommand:
        assert self.settings.auth_file is not None
        env = (("CONNECTOR_AUTH_FILE_PATH", str(self.settings.auth_file)),)
        return self._command("test", "--package", "router", "--test", "connectors", JSON, "--", f"{connector}::",
                             "--test-threads=1", env=env)

    def connector_crate(self) -> str | None:
        """The package of the connectors' crate (hyperswitch_connectors), read from its manifest."""
        return package_of(self.root, layout.CONNECTORS_RS)

    # --- running them ---------------------------------------------------------------------------------------

    def toolchain(self, cwd: Path | None = None) -> str:
        cwd = cwd or self.root
        if cwd not in self._toolchain:
            try:
                self._toolchain[cwd] = self.settings.toolchain(cwd)
            except InfraError as error:
                self._toolchain[cwd] = error
        known = self._toolchain[cwd]
        if isinstance(known, InfraError):
            raise known
        return known

    def inputs(self, cwd: Path | None = None) -> str:
        cwd = cwd or self.root
        if cwd not in self._inputs:
            skip = (self.settings.target_dir,) if self.settings.target_dir is not None else ()
            self._inputs[cwd] = inputs_digest(cwd, skip)
        return self._inputs[cwd]

    def run(self, purpose: str, command: CargoCommand, cacheable: bool = True, blocks: bool = True) -> CargoRun:
        """The command's run: from this session, else from the disk cache, else cargo is started (once)."""
        if command in self._runs:
            known = self._runs[command]
            if isinstance(known, InfraError):
                raise known
            self._used(purpose, command)
            return known
        if self._blocked is not None:
            raise self._blocked
        try:
            result = self._load_or_run(purpose, command, cacheable, blocks)
        except InfraError as error:
            self._runs[command] = error
            raise
        self._runs[command] = result
        return result

    def errors(self, purpose: str, command: CargoCommand, cacheable: bool = True) -> list[Diagnostic]:
        """rustc's located errors in the command's output (parsed once)."""
        if command not in self._errors:
            self._errors[command] = diagnostics(self.run(purpose, command, cacheable).stdout, command.cwd)
        self._used(purpose, command)
        return self._errors[command]

    def _used(self, purpose: str, command: CargoCommand) -> None:
        record = self._records.get(command)
        if record is not None and purpose not in record.used_by:
            record.used_by.append(purpose)

    def tests(self, purpose: str, command: CargoCommand, cacheable: bool = True) -> TestReport:
        """libtest's report in the command's output (parsed once)."""
        if command not in self._tests:
            self._tests[command] = parse_libtest(self.run(purpose, command, cacheable).stdout)
        return self._tests[command]

    def compiled(self, purpose: str, command: CargoCommand, package: str) -> bool:
        """Whether the command built the package's library (so errors elsewhere did not stop it)."""
        return package.replace("-", "_") in built_libraries(self.run(purpose, command).stdout)

    def could_not_run(self, command: CargoCommand) -> str | None:
        """Why part of the command's build could not run (a failed build script), when the rest of it did."""
        return self._partial.get(command)

    def base_errors(self, purpose: str, command: CargoCommand) -> BaseErrors | None:
        """The same command's errors at the base commit (None without --changed-since/--baseline). A base that
        cannot be materialised or built is said, not raised: it only costs the comparison."""
        wanted = self.settings.base
        if wanted is None:
            return None
        try:
            if self._base is None:
                try:
                    self._base = open_base(self.root, wanted)
                except InfraError as error:
                    self._base = error
            if isinstance(self._base, InfraError):
                raise self._base
            base = self._base
            target = self.settings.target_dir or self.root / "target"
            env = tuple(sorted({**dict(command.env), "CARGO_TARGET_DIR": str(target / BASE_TARGET_SUBDIR)}.items()))
            at_base = CargoCommand(command.args, base.root, env)
            run = self.run(f"{purpose} at base {base.commit[:12]}", at_base, blocks=False)
            return BaseErrors(base.commit, diagnostics(run.stdout, base.root), wanted.changed)
        except InfraError as error:
            return BaseErrors(wanted.commit, [], wanted.changed, unavailable=str(error))

    def _load_or_run(self, purpose: str, command: CargoCommand, cacheable: bool, blocks: bool = True) -> CargoRun:
        key = cache_key(command, self.toolchain(command.cwd), self.inputs(command.cwd))
        cached = self.cache.load(key) if cacheable else None
        if cached is not None:
            self._record(CargoRecord(purpose, command.display(), "disk-cache", cached.seconds, cached.returncode,
                                     key, _test_counts(command, cached)), command, cached)
            return cached
        notice = self._notice(purpose, command)
        self.started += 1
        with self.settings.display(command) as sink:
            result = self.settings.runner(command, self.settings.timeout, sink)
        failure = infra_failure(command, result)
        if failure is not None and failure.kind == "build-script" and built_libraries(result.stdout):
            # With --keep-going the crates that do not need that build script were still checked: their verdicts
            # stand; whatever needed it could not run. Not cached (an infrastructure failure never is).
            self._partial[command] = failure.message
            self._record(CargoRecord(purpose, command.display(), "ran", result.seconds, result.returncode, key,
                                     notice=notice, could_not_run=failure.message), command, result)
            return result
        if failure is not None:
            error = InfraError(failure.message)
            if failure.workspace_wide and blocks:
                self._blocked = error
            raise error
        if cacheable:
            self.cache.store(key, command, result, purpose)
        self._record(CargoRecord(purpose, command.display(), "ran", result.seconds, result.returncode, key,
                                 _test_counts(command, result), notice=notice), command, result)
        return result

    def _record(self, record: CargoRecord, command: CargoCommand, run: CargoRun) -> None:
        items = diagnostics(run.stdout, command.cwd)
        record.errors = len(items)
        if items and items[0].primary is not None:
            first = items[0]
            record.first_error = f"{first.primary.file}:{first.primary.line} {first.summary()}"
        record.used_by.append(record.purpose)
        self._records[command] = record
        self.records.append(record)

    def _notice(self, purpose: str, command: CargoCommand) -> str | None:
        """Before a test-profile build: that it is a second build, and how long the last one took."""
        if command.subcommand != "test":
            return None
        last = self.cache.last_timing(purpose, command.cwd)
        args = list(command.args)
        package = args[args.index("-p") + 1] if "-p" in args[:-1] else "the crate"
        text = (f"{purpose}: `cargo test` needs a test-profile build of {package} and its dependencies, separate "
                f"from cargo check's artifacts")
        text += (f"; the last one here took {last[0]:.0f} s ({last[1]})" if last is not None
                 else "; no earlier run of it is recorded in the cargo cache")
        self.settings.notice(text)
        return text


def _supports_keep_going(toolchain: str) -> bool:
    match = re.search(r"^release: (\d+)\.(\d+)", toolchain, re.MULTILINE)
    return match is None or (int(match[1]), int(match[2])) >= (1, 74)


def _test_counts(command: CargoCommand, run: CargoRun) -> dict[str, int] | None:
    if command.subcommand != "test":
        return None
    report = parse_libtest(run.stdout)
    return report.counts() if report.binaries else None
