"""The cargo session without cargo: once per (command, inputs) per run, the disk cache and its key, infra failures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from connector_compliance.checks.cargo.cache import DiskCache, cache_key, inputs_digest, workspace_members
from connector_compliance.checks.cargo.runner import CargoCommand, CargoRun, OutputSink
from connector_compliance.checks.cargo.session import (
    CargoSession,
    CargoSettings,
    infra_failure,
    without_package_selection,
)
from connector_compliance.checks.core.errors import InfraError

from .sample_copy import copy_sample, edit

CONNECTOR = "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
OK = CargoRun(0, ['{"reason":"build-finished","success":true}'], ["    Finished `dev` profile"], 1.5)


class FakeCargo:
    """Stands in for run_cargo: records each command and answers with a canned run."""

    def __init__(self, answer: CargoRun = OK) -> None:
        self.answer = answer
        self.calls: list[tuple[str, ...]] = []

    def __call__(self, command: CargoCommand, timeout: float, sink: OutputSink) -> CargoRun:
        self.calls.append(command.args)
        for line in self.answer.stdout:
            sink.stdout_line(line)
        return self.answer


def settings(tmp_path: Path, runner: FakeCargo, **overrides: object) -> CargoSettings:
    values: dict[str, object] = {"cache_dir": tmp_path / "cache", "runner": runner,
                                 "toolchain": lambda root: "rustc 1.95.0 (fake)"}
    values.update(overrides)
    return CargoSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "hs")


def test_a_command_runs_once_per_run_however_many_rules_ask(sample: Path, tmp_path: Path) -> None:
    cargo = FakeCargo()
    session = CargoSession(sample, settings(tmp_path, cargo))
    for _ in range(3):
        session.run("check", session.check_command())
        session.errors("check", session.check_command())
    session.run("clippy", session.clippy_command())
    assert cargo.calls == [("check", "--locked", "-p", "hyperswitch_connectors", "--features", "v1",
                            "--message-format=json"),
                           ("clippy", "--locked", "-p", "hyperswitch_connectors", "--features", "v1", "--no-deps",
                            "--message-format=json", "--", "-D", "warnings")]
    assert session.started == 2
    assert [r.source for r in session.records] == ["ran", "ran"]


def test_the_next_run_reads_the_disk_cache_until_an_input_changes(sample: Path, tmp_path: Path) -> None:
    first = FakeCargo()
    CargoSession(sample, settings(tmp_path, first)).run("check", CargoSession(sample).check_command())
    assert len(first.calls) == 1

    second = FakeCargo()
    session = CargoSession(sample, settings(tmp_path, second))
    run = session.run("check", session.check_command())
    assert second.calls == [] and session.started == 0
    assert run.stdout == OK.stdout and run.seconds == OK.seconds
    assert session.records[0].source == "disk-cache"

    edit(sample, CONNECTOR, "pub struct Samplepay", "// a one-line change\npub struct Samplepay")
    third = FakeCargo()
    session = CargoSession(sample, settings(tmp_path, third))
    session.run("check", session.check_command())
    assert len(third.calls) == 1


@pytest.mark.parametrize("change", ["registration file", "Cargo.lock", "toolchain", "arguments", "RUSTFLAGS"])
def test_every_input_is_part_of_the_key(sample: Path, tmp_path: Path, change: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    CargoSession(sample, settings(tmp_path, FakeCargo())).run("check", CargoSession(sample).check_command())
    overrides: dict[str, object] = {}
    if change == "registration file":
        edit(sample, "crates/router/src/types/api/feature_matrix.rs", "enums::Connector::Samplepay =>",
             "enums::Connector::Samplepay /* changed */ =>")
    elif change == "Cargo.lock":
        (sample / "Cargo.lock").write_text((sample / "Cargo.lock").read_text() + "\n")
    elif change == "toolchain":
        overrides["toolchain"] = lambda root: "rustc 1.96.0 (fake)"
    elif change == "arguments":
        overrides["cargo_args"] = ("-p", "hyperswitch_connectors", "--features", "v2")
    else:
        monkeypatch.setenv("RUSTFLAGS", "-D warnings")
    cargo = FakeCargo()
    session = CargoSession(sample, settings(tmp_path, cargo, **overrides))
    session.run("check", session.check_command())
    assert len(cargo.calls) == 1, change


def test_the_key_ignores_the_target_dir_and_unrelated_files(sample: Path, tmp_path: Path) -> None:
    digest = inputs_digest(sample)
    (sample / "README.md").write_text("changed")  # the workspace root's README is not a build input
    (sample / "target" / "debug").mkdir(parents=True)
    (sample / "target" / "debug" / "x.rmeta").write_text("artifact")
    assert inputs_digest(sample) == digest
    command = CargoCommand(("check",), sample)
    elsewhere = CargoCommand(("check",), sample, (("CARGO_TARGET_DIR", "/tmp/elsewhere"),))
    assert cache_key(command, "t", digest, {}) == cache_key(elsewhere, "t", digest, {})


def test_workspace_members_are_read_from_the_manifest(sample: Path) -> None:
    members = {p.name for p in workspace_members(sample)}
    assert {"hyperswitch_connectors", "router", "common_enums"} <= members
    assert "grace" not in members


def test_a_damaged_cache_entry_is_a_miss(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    command = CargoCommand(("check",), tmp_path)
    cache.store("k", command, OK)
    assert cache.load("k") == OK
    (tmp_path / "cargo-k.json").write_text("{not json")
    assert cache.load("k") is None
    assert DiskCache(None).load("k") is None


def test_infrastructure_failures_are_remembered_not_repeated(sample: Path, tmp_path: Path) -> None:
    offline = CargoRun(101, [], ["    Updating crates.io index",
                                "error: failed to get `itoa` as a dependency of package `cards v0.1.0`",
                                "Caused by:", "  failed to resolve address for index.crates.io"])
    cargo = FakeCargo(offline)
    session = CargoSession(sample, settings(tmp_path, cargo))
    for command in (session.check_command(), session.registration_command()):
        with pytest.raises(InfraError, match=r"dependencies cannot be fetched \(offline\?\)"):
            session.run("check", command)
    assert len(cargo.calls) == 1  # the workspace cannot resolve: the registration check is not attempted
    assert not list(tmp_path.glob("cache/*.json"))  # an infrastructure failure is never cached


@pytest.mark.parametrize(("stderr", "expected"), [
    (["error: package ID specification `nope` did not match any packages"], "was rejected"),
    (["error: failed to run custom build command for `openssl-sys v0.9.1`", "  Could not find directory of OpenSSL"],
     "build script of openssl-sys v0.9.1 failed (Could not find directory of OpenSSL)"),
    (["error: toolchain '1.70.0-x86_64-unknown-linux-gnu' is not installed"], "Rust toolchain 1.70.0"),
    (["error: cannot update the lock file /hs/Cargo.lock because --locked was passed to prevent this"],
     "Cargo.lock is missing or does not match the manifests"),
    (["error: failed to get `cards` as a dependency of package `hyperswitch_connectors v0.1.0`", "Caused by:",
      "  failed to read `/hs/crates/cards/Cargo.toml`", "Caused by:", "  No such file or directory (os error 2)"],
     "cannot read the workspace's manifests (No such file or directory (os error 2))"),
    (["error: rustup could not choose a version of cargo to run, because one wasn't specified explicitly, and no "
      "default is configured."], "run `rustup default stable`"),
    (["Killed"], "failed (exit 101) without a located compiler error"),
])
def test_failures_without_located_errors_are_infrastructure(tmp_path: Path, stderr: list[str], expected: str) -> None:
    failure = infra_failure(CargoCommand(("check",), tmp_path), CargoRun(101, [], stderr))
    assert failure is not None and expected in failure.message and "--no-cargo" in failure.message
    assert "\n" not in failure.message


def test_located_errors_and_failing_tests_are_verdicts(tmp_path: Path) -> None:
    error = json.dumps({"reason": "compiler-message", "message": {
        "level": "error", "message": "mismatched types", "code": {"code": "E0308"}, "children": [], "rendered": "",
        "spans": [{"file_name": CONNECTOR, "line_start": 1, "column_start": 1, "is_primary": True}]}})
    command = CargoCommand(("test",), tmp_path)
    assert infra_failure(command, CargoRun(101, [error], ["error: could not compile"])) is None
    tests = ['{"reason":"build-finished","success":true}', "test a ... FAILED",
             "test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0s"]
    assert infra_failure(command, CargoRun(101, tests, [])) is None


def test_registration_check_selects_the_crates_of_the_registration_points(sample: Path) -> None:
    session = CargoSession(sample, CargoSettings(cargo_args=("-p", "hyperswitch_connectors", "--features", "v1",
                                                             "--locked")))
    assert session.registration_packages() == ["common_enums", "connector_configs", "euclid",
                                               "hyperswitch_connectors", "hyperswitch_domain_models", "router"]
    args = session.registration_command().args
    assert args[-4:] == ("--features", "v1", "--locked", "--message-format=json")
    assert without_package_selection(("--package=x", "-px", "--workspace", "-p", "y", "--release")) == ("--release",)


def test_cargo_never_writes_the_lock_file(sample: Path) -> None:
    session = CargoSession(sample, CargoSettings(cargo_args=("-p", "hyperswitch_connectors", "--frozen")))
    assert session.check_command().args == ("check", "-p", "hyperswitch_connectors", "--frozen",
                                            "--message-format=json")
    assert CargoSession(sample).registration_command().args[:2] == ("check", "--locked")


def test_sandbox_tests_get_the_credentials_and_unit_tests_the_connector_filter(sample: Path, tmp_path: Path) -> None:
    auth = tmp_path / "auth.toml"
    session = CargoSession(sample, CargoSettings(auth_file=auth, target_dir=tmp_path / "t"))
    sandbox = session.sandbox_test_command("samplepay")
    assert sandbox.args[:6] == ("test", "--locked", "--package", "router", "--test", "connectors")
    assert sandbox.args[-2:] == ("samplepay::", "--test-threads=1")
    assert dict(sandbox.env) == {"CONNECTOR_AUTH_FILE_PATH": str(auth), "CARGO_TARGET_DIR": str(tmp_path / "t")}
    assert session.unit_test_command("samplepay").args[-2:] == ("--", "connectors::samplepay::")


def test_the_display_sees_every_line(sample: Path, tmp_path: Path) -> None:
    seen: list[str] = []

    class Sink:
        def stdout_line(self, line: str) -> None:
            seen.append(line)

        def stderr_line(self, line: str) -> None:
            seen.append(line)

    @contextmanager
    def display(command: CargoCommand) -> Iterator[OutputSink]:
        yield Sink()

    session = CargoSession(sample, settings(tmp_path, FakeCargo(), display=display, cache_dir=None))
    session.run("check", session.check_command())
    assert seen == OK.stdout
