"""Which cargo commands the build scenarios run, and where that was read.

Three sources, in this order: `--cargo-args` (the user's word); the target's own pull-request CI
(`.github/workflows/CI-pr.yml` and the justfile recipes it calls); else the harness's defaults
(`-p hyperswitch_connectors --features v1`), used only when the tree says nothing.

From CI: its `cargo check --features X` is workspace-wide. The harness runs it for the packages that hold the
connector's crate and its registration points (`-p` each; X kept where one of them has it), as ONE command shared
by the check and the registration scenarios. It cannot be two: resolver 2 unifies features per cargo invocation,
so a crate-scoped check and a check that also selects `router` give dozens of external crates (hashbrown, digest,
futures-util, hyper, ...) different features, and every workspace crate above them would be built twice. clippy
lints the same packages with the same features (`--no-deps`, so everything below is the check's artifacts) with
the lint flags CI's clippy job uses. The unit tests need a test-profile build anyway; they get the features the
check gives the connector's crate and its direct workspace dependencies (resolved from the manifests).
"""

from __future__ import annotations

import shlex
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..target import layout
from .ci_config import CargoInvocation, CiCommand, read_ci_build
from .diagnostics import REGISTRATION_FILES
from .features import Workspace

DEFAULT_CARGO_ARGS: tuple[str, ...] = ("-p", "hyperswitch_connectors", "--features", "v1")
DEFAULT_LINTS: tuple[str, ...] = ("-D", "warnings")
KEEP_GOING = "--keep-going"  # stable since cargo 1.74; the session drops it for an older toolchain
# Registration files that only a test build compiles; `cargo check` of the registration crates skips them.
TEST_ONLY_REGISTRATION = (layout.ROUTER_TESTS_MAIN_RS, layout.TEST_AUTH_RS)
# CI environment the harness does not copy, and why (see CargoPlan.notes).
UNAPPLIED_ENV = ("RUSTFLAGS", "CARGO_INCREMENTAL")


@dataclass(frozen=True)
class CargoPlan:
    """The package selection and features (and clippy's lint flags) of each build scenario's command."""

    source: str  # "ci" | "default" | "--cargo-args"
    check: tuple[str, ...]
    registration: tuple[str, ...]
    clippy: tuple[str, ...]
    clippy_lints: tuple[str, ...]
    unit_tests: tuple[str, ...]
    read_from: tuple[str, ...] = ()  # file:line of each CI line the plan follows
    ci: tuple[tuple[str, str], ...] = ()  # what CI itself runs, by purpose
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"source": self.source, "read_from": list(self.read_from), "ci": dict(self.ci),
                "check": shlex.join(self.check), "registration": shlex.join(self.registration),
                "clippy": shlex.join([*self.clippy, "--", *self.clippy_lints]),
                "unit_tests": shlex.join(self.unit_tests), "notes": list(self.notes)}


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


def registration_packages(root: Path) -> list[str]:
    """The packages holding the registration points (read from their manifests), in a stable order."""
    packages: dict[str, None] = {}
    for rel in REGISTRATION_FILES:
        if rel in TEST_ONLY_REGISTRATION or not (root / rel).is_file():
            continue
        name = package_of(root, rel)
        if name is not None:
            packages[name] = None
    return sorted(packages)


def plan_from_args(root: Path, args: tuple[str, ...], source: str, notes: tuple[str, ...] = ()) -> CargoPlan:
    """Today's shape: ARGS for check, clippy and unit tests; the registration crates with ARGS' features."""
    selection = tuple(arg for name in registration_packages(root) for arg in ("-p", name))
    return CargoPlan(source, args, (*selection, *without_package_selection(args)), (*args, "--no-deps"),
                     DEFAULT_LINTS, args, notes=notes)


def derive_plan(root: Path, override: tuple[str, ...] | None = None) -> CargoPlan:
    root = root.resolve()
    if override is not None:
        return plan_from_args(root, override, "--cargo-args", ("--cargo-args given: the CI files were not read",))
    workspace = Workspace.read(root)
    ci = read_ci_build(root, workspace)
    if ci.check is None:
        return plan_from_args(root, DEFAULT_CARGO_ARGS, "default", (
            "the tree's CI says nothing about cargo check (no .github/workflows/CI-pr.yml, or no `cargo check` "
            f"in it): the harness's defaults `{shlex.join(DEFAULT_CARGO_ARGS)}` are used", *ci.notes))
    return _plan_from_ci(root, workspace, ci.check, ci.clippy, ci.notes)


def _plan_from_ci(root: Path, workspace: Workspace, check: CiCommand, clippy: CiCommand | None,
                  ci_notes: tuple[str, ...]) -> CargoPlan:
    invocation = CargoInvocation.parse(check.words)
    crate = package_of(root, layout.CONNECTORS_RS)
    roots = sorted({*registration_packages(root), *([crate] if crate else [])} & set(workspace.members))
    kept, dropped = _features_for(workspace, roots, invocation.features)
    selection = tuple(arg for name in roots for arg in ("-p", name))
    flags = (("--all-features",) if invocation.all_features else ()) + \
        (("--no-default-features",) if invocation.no_default_features else ())
    features = ("--features", ",".join(kept)) if kept else ()
    shared = (*selection, *flags, *features, KEEP_GOING)
    notes = [f"CI runs `{check.text}` for the whole workspace ({check.where}); the harness runs it for the "
             f"packages holding the connector's crate and its registration points ({', '.join(roots)}), as one "
             "build that the check and the registration scenarios share; with --keep-going, so that a crate failing "
             "outside the connector's crate (a build script, router) does not keep that crate from being checked"]
    if dropped:
        notes.append(f"feature(s) {', '.join(dropped)} of CI's command belong to none of those packages: left out")
    unapplied = [f"{name}={check.env_value(name)}" for name in UNAPPLIED_ENV if check.env_value(name) is not None]
    if unapplied:
        notes.append(f"CI's environment {', '.join(unapplied)} is not applied to the check: it would rebuild every "
                     "crate; warnings are judged by the clippy scenario, which denies them as CI does")
    lints, read_from, ci = list(DEFAULT_LINTS), [check.where], [("check", f"{check.text} ({check.where})")]
    if clippy is not None:
        clippy_invocation = CargoInvocation.parse(clippy.words)
        flags_env = (clippy.env_value("RUSTFLAGS") or "").split()
        lints = [*flags_env, *clippy_invocation.after] or lints
        where = f"{clippy.where}, via {clippy.via}" if clippy.via else clippy.where
        read_from.append(clippy.via or clippy.where)
        if clippy.via:
            read_from.append(clippy.where)
        ci.append(("clippy", f"{_short(clippy.text)} ({where})"))
        notes.append(f"CI's clippy ({where}) lints {'all targets of ' if clippy_invocation.all_targets else ''}the "
                     f"workspace with {len(clippy_invocation.features)} feature(s)"
                     f"{' and no default features' if clippy_invocation.no_default_features else ''}; the harness "
                     f"lints the check's packages with the check's features and CI's lint flags ({' '.join(lints)}) "
                     "so that clippy reuses the check's build")
        notes += clippy.notes
    else:
        notes.append("the tree's CI has no clippy line: clippy denies warnings (-D warnings)")
    notes += ci_notes
    resolved = workspace.resolve(roots, kept, default_features=not invocation.no_default_features)
    unit: tuple[str, ...] = DEFAULT_CARGO_ARGS
    if crate is not None and crate in resolved:
        scoped = workspace.scoped_features(crate, resolved)
        unit = ("-p", crate, *(("--no-default-features",) if invocation.no_default_features else ()),
                *(("--features", ",".join(scoped)) if scoped else ()))
        notes.append(f"the unit tests build {crate} in the test profile (a second build) with the features the check "
                     f"gives it and its direct workspace dependencies")
    return CargoPlan("ci", shared, shared, (*shared, "--no-deps"), tuple(lints), unit, tuple(read_from), tuple(ci),
                     tuple(notes))


def _features_for(workspace: Workspace, roots: list[str], features: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """CI's features that apply to the selected packages (cargo rejects a feature none of them has)."""
    kept, dropped = [], []
    for feature in features:
        owner, slash, _ = feature.partition("/")
        if slash:
            ok = owner in roots or any(workspace.members[r].dependency(owner.rstrip("?")) for r in roots)
        else:
            ok = any(feature in workspace.members[r].all_features for r in roots)
        (kept if ok else dropped).append(feature)
    return kept, dropped


def _short(command: str, limit: int = 200) -> str:
    return command if len(command) <= limit else command[:limit] + " ..."
