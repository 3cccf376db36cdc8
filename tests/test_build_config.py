"""Which cargo configuration the build scenarios use: read from the target's CI (workflow + justfile), resolved
from the manifests, else the defaults, else --cargo-args; and how errors outside the connector are judged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from connector_compliance.checks.cargo.ci_config import read_justfile, workflow_commands
from connector_compliance.checks.cargo.features import Workspace
from connector_compliance.checks.cargo.plan import DEFAULT_CARGO_ARGS, derive_plan
from connector_compliance.checks.cargo.runner import CargoRun
from connector_compliance.checks.cargo.session import CargoSession
from connector_compliance.checks.core.errors import InfraError
from connector_compliance.checks.core.registry import rule
from connector_compliance.checks.core.rule import Scope
from connector_compliance.checks.target.repository import Repository

from .ci_sample import DOMAIN_LIB, OLAP_ONLY, WORKFLOW, with_ci
from .sample_copy import copy_sample, edit, line_containing
from .test_build_cache import FakeCargo, settings

REGISTRATION = ("-p", "common_enums", "-p", "connector_configs", "-p", "euclid", "-p", "hyperswitch_connectors",
                "-p", "hyperswitch_domain_models", "-p", "router")


@pytest.fixture
def ci_sample(tmp_path: Path) -> Path:
    return with_ci(copy_sample(tmp_path / "hs"))


def test_the_configuration_is_read_from_the_ci_workflow_and_the_justfile(ci_sample: Path) -> None:
    plan = derive_plan(ci_sample)
    check_line = line_containing(ci_sample, WORKFLOW, 'cargo check --features "release"')
    just_line = line_containing(ci_sample, WORKFLOW, "run: just clippy")
    clippy_line = line_containing(ci_sample, "justfile", "cargo clippy")
    assert plan.source == "ci"
    assert plan.read_from == (f"{WORKFLOW}:{check_line}", f"{WORKFLOW}:{just_line}", f"justfile:{clippy_line}")
    # CI's workspace-wide `--features release`, for the crates of the connector and its registration points: one
    # command, so the check and the registration scenarios share one build.
    assert plan.check == (*REGISTRATION, "--features", "release", "--keep-going")
    assert plan.registration == plan.check
    assert plan.clippy == (*plan.check, "--no-deps")
    assert plan.clippy_lints == ("-D", "warnings")  # the clippy job's RUSTFLAGS
    # The unit tests get what `release` resolves to for the connector's crate and its direct dependencies.
    assert plan.unit_tests == ("-p", "hyperswitch_connectors", "--features",
                               "default,v1,hyperswitch_domain_models/olap")
    ci = dict(plan.ci)
    assert ci["check"] == f"cargo check --features release ({WORKFLOW}:{check_line})"
    # `just clippy` expanded: every member's feature minus the v2 ones, default and release, plus the recipe's arg.
    assert ci["clippy"].startswith("cargo clippy --all-targets --no-default-features --features "
                                   "olap,production,sandbox,v1,v1 ")
    assert any("RUSTFLAGS=-D warnings" in note and "CARGO_INCREMENTAL=0" in note for note in plan.notes)
    assert json.dumps(plan.as_dict())  # cargo.json carries it


def test_without_ci_files_the_defaults_are_used_and_said(tmp_path: Path) -> None:
    plan = derive_plan(copy_sample(tmp_path / "hs"))
    assert plan.source == "default" and plan.read_from == ()
    assert plan.check == DEFAULT_CARGO_ARGS and plan.unit_tests == DEFAULT_CARGO_ARGS
    assert plan.registration == (*REGISTRATION, "--features", "v1")
    assert "the tree's CI says nothing about cargo check" in plan.notes[0]


def test_cargo_args_override_the_ci(ci_sample: Path) -> None:
    plan = derive_plan(ci_sample, ("-p", "hyperswitch_connectors", "--features", "v2"))
    assert plan.source == "--cargo-args"
    assert plan.check == ("-p", "hyperswitch_connectors", "--features", "v2")
    assert plan.registration == (*REGISTRATION, "--features", "v2")


@pytest.mark.parametrize("text", ["jobs: [unclosed", "name: no jobs\non: push\n", "\x00\x01"])
def test_a_workflow_without_a_usable_check_falls_back_to_the_defaults(ci_sample: Path, text: str) -> None:
    (ci_sample / WORKFLOW).write_text(text, encoding="utf-8")
    assert derive_plan(ci_sample).source == "default"


def test_the_v2_check_is_taken_only_when_there_is_no_other(ci_sample: Path) -> None:
    edit(ci_sample, WORKFLOW, '          cargo check --features "release"\n', "")
    plan = derive_plan(ci_sample)
    assert plan.check == (*REGISTRATION, "--no-default-features", "--features", "release,v2", "--keep-going")


def test_commands_keep_their_file_line_job_and_environment(ci_sample: Path) -> None:
    commands = {c.text: c for c in workflow_commands(ci_sample)}
    check = commands["cargo check --features release"]
    assert (check.job, check.env_value("RUSTFLAGS"), check.env_value("CARGO_INCREMENTAL")) == ("test", "-D warnings",
                                                                                             "0")
    assert commands["cargo +nightly fmt --all --check"].env_value("RUSTFLAGS") is None
    justfile = read_justfile(ci_sample)
    assert justfile is not None and justfile.assignments["check_flags"] == "--all-targets"
    assert justfile.recipes["clippy"].params == [("extra", "v1", False), ("FLAGS", "", True)]


def write_manifest(root: Path, rel: str, text: str) -> None:
    (root / rel).mkdir(parents=True, exist_ok=True)
    (root / rel / "Cargo.toml").write_text(text, encoding="utf-8")


def test_features_resolve_as_cargo_resolves_them(tmp_path: Path) -> None:
    """dep:, dep/feat, weak dep?/feat, implicit optional-dependency features, renames, workspace inheritance."""
    write_manifest(tmp_path, ".", '[workspace]\nmembers = ["a", "b", "c", "d"]\n'
                                  '[workspace.dependencies]\nd = { path = "d", features = ["fromws"] }\n')
    write_manifest(tmp_path, "a", '[package]\nname = "a"\n[dependencies]\nbee = { package = "b", path = "../b" }\n'
                                  'c = { path = "../c", optional = true }\nd = { workspace = true }\n'
                                  '[features]\ndefault = ["small"]\nsmall = []\nrelease = ["bee/x", "c"]\n'
                                  'weak = ["bee?/w"]\n')
    write_manifest(tmp_path, "b", '[package]\nname = "b"\n[features]\nx = ["z"]\nz = []\nw = []\n')
    write_manifest(tmp_path, "c", '[package]\nname = "c"\n[features]\ndefault = ["cc"]\ncc = []\n')
    write_manifest(tmp_path, "d", '[package]\nname = "d"\n[features]\nfromws = []\nother = []\n')
    workspace = Workspace.read(tmp_path)
    assert workspace.members["a"].all_features == {"default", "small", "release", "weak", "c"}
    resolved = workspace.resolve(["a"], ["release", "weak"])
    assert resolved == {"a": {"default", "small", "release", "weak", "c"}, "b": {"x", "z", "w"}, "c": {"default", "cc"},
                        "d": {"fromws"}}
    assert workspace.resolve(["a"], [], default_features=False) == {"a": set(), "b": set(), "d": {"fromws"}}
    assert workspace.scoped_features("a", resolved) == ["c", "default", "release", "small", "weak", "bee/w", "bee/x",
                                                        "bee/z", "c/cc", "c/default", "d/fromws"]


def error(file: str, line: int, code: str, message: str, target: str) -> str:
    span = {"file_name": file, "line_start": line, "column_start": 5, "is_primary": True, "label": None}
    return json.dumps({"reason": "compiler-message", "target": {"name": target, "kind": ["lib"]},
                       "message": {"level": "error", "code": {"code": code}, "message": message, "spans": [span],
                                   "children": [], "rendered": f"error[{code}]: {message}"}})


def artifact(target: str) -> str:
    return json.dumps({"reason": "compiler-artifact", "target": {"name": target, "kind": ["lib"]}, "fresh": False})


def judged(root: Path, tmp_path: Path, stdout: list[str], rule_id: str) -> tuple[str | None, list[object], FakeCargo]:
    cargo = FakeCargo(CargoRun(101, stdout, ["error: could not compile"], 2.0))
    session = CargoSession(root, settings(tmp_path, cargo))
    repo = Repository(root)
    found = rule(rule_id)
    return found.skip_reason(Scope(repo, "samplepay", cargo=session)), found.check(repo, "samplepay", cargo=session), \
        cargo


def test_an_error_below_the_connector_crate_means_its_code_was_not_reached(ci_sample: Path, tmp_path: Path) -> None:
    line = line_containing(ci_sample, DOMAIN_LIB, OLAP_ONLY)
    stdout = [error(DOMAIN_LIB, line, "E0412", "cannot find type `Listing` in this scope",
                    "hyperswitch_domain_models")]
    for rule_id in ("build.compiles", "build.registration"):
        reason, findings, cargo = judged(ci_sample, tmp_path, stdout, rule_id)
        assert findings == []
        assert reason is not None and "was not reached: the workspace does not build in this configuration" in reason
        assert f"first: {DOMAIN_LIB}:{line} E0412 cannot find type" in reason
        # No base to compare with: nothing else runs (and the registration reads the check's run from the cache,
        # since in this configuration it is the same command).
        assert len(cargo.calls) == (1 if rule_id == "build.compiles" else 0)


def test_an_error_above_the_connector_crate_does_not_stop_its_check(ci_sample: Path, tmp_path: Path) -> None:
    stdout = [artifact("hyperswitch_connectors"), error("crates/router/src/lib.rs", 3, "E0308", "mismatched types",
                                                        "router")]
    reason, findings, _ = judged(ci_sample, tmp_path, stdout, "build.compiles")
    assert (reason, findings) == (None, [])  # the connector's crate compiled: it passes
    reason, findings, _ = judged(ci_sample, tmp_path, stdout, "build.registration")
    assert findings == [] and reason is not None and "samplepay's registration was not reached" in reason


def test_check_and_registration_share_one_run_and_the_unit_tests_say_what_they_cost(ci_sample: Path,
                                                                                   tmp_path: Path) -> None:
    notices: list[str] = []
    cargo = FakeCargo()
    session = CargoSession(ci_sample, settings(tmp_path, cargo, notice=notices.append))
    session.errors("check", session.check_command())
    session.errors("registration", session.registration_command())
    assert len(cargo.calls) == 1 and session.records[0].used_by == ["check", "registration"]
    session.run("unit-tests", session.unit_test_command("samplepay"))
    assert "needs a test-profile build of hyperswitch_connectors" in notices[-1]
    assert "no earlier run of it is recorded" in notices[-1]
    main = ci_sample / "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
    main.write_text("// changed\n" + main.read_text(encoding="utf-8"), encoding="utf-8")
    again = CargoSession(ci_sample, settings(tmp_path, cargo, notice=notices.append))
    again.run("unit-tests", again.unit_test_command("samplepay"))
    assert "the last one here took 2 s (" in notices[-1]  # FakeCargo says 1.5 s
    assert again.records[0].notice == notices[-1]


BUILD_SCRIPT_FAILED = ["error: failed to run custom build command for `router v0.1.0 (/hs/crates/router)`",
                       "  protoc failed: Could not make proto path relative: proto/x.proto: No such file or directory"]


def test_a_build_script_failing_above_the_connector_crate_leaves_its_check_standing(ci_sample: Path,
                                                                                   tmp_path: Path) -> None:
    """--keep-going: the connector's crate is still checked; what needed the build script could not run (an
    infrastructure error, not a verdict, and not cached)."""
    cargo = FakeCargo(CargoRun(101, [artifact("hyperswitch_connectors")], BUILD_SCRIPT_FAILED, 3.0))
    session = CargoSession(ci_sample, settings(tmp_path, cargo))
    assert session.check_command().args[-2:] == ("--keep-going", "--message-format=json")
    repo = Repository(ci_sample)
    scope = Scope(repo, "samplepay", cargo=session)
    assert rule("build.compiles").skip_reason(scope) is None
    assert rule("build.compiles").check(repo, "samplepay", cargo=session) == []
    with pytest.raises(InfraError, match=r"registration was not reached: .* build script of router"):
        rule("build.registration").skip_reason(scope)
    assert session.records[0].as_dict()["could_not_run"].startswith("`cargo check")
    again = CargoSession(ci_sample, settings(tmp_path, cargo))
    again.run("check", again.check_command())
    assert len(cargo.calls) == 2  # never cached


def test_keep_going_is_dropped_for_a_toolchain_older_than_cargo_1_74(ci_sample: Path, tmp_path: Path) -> None:
    for release, kept in (("1.70.0", False), ("1.95.0", True)):
        toolchain = f"rustc {release}\nrelease: {release}"
        session = CargoSession(ci_sample, settings(tmp_path, FakeCargo(), toolchain=lambda root, t=toolchain: t))
        assert ("--keep-going" in session.check_command().args) is kept
