"""The workspace's members, their features and dependencies, read from the manifests; and which features a cargo
command turns on for each member (cargo's feature resolution, restricted to workspace members).

Why resolve in Python rather than ask `cargo tree`: the harness must know the configuration before any cargo
process (an unchanged re-run starts none), and it only needs the members' features: external crates never depend
on workspace members, so they cannot switch a member's feature on. The resolver follows cargo's rules for what the
manifests of a real Hyperswitch tree use: `default`, `dep:X`, `X/f`, weak `X?/f`, implicit features of optional
dependencies, renamed dependencies (`package = "..."`), `workspace = true` inheritance, target-specific
dependencies. Build- and dev-dependencies are left out: resolver 2 gives build dependencies their own (host)
feature set, and dev-dependencies count only for test targets, where cargo adds them itself.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .cache import workspace_members

DEPENDENCY_TABLES = ("dependencies",)  # normal dependencies; see the module docstring for the others


@dataclass(frozen=True)
class Dependency:
    key: str  # the name the member's features use for it (the table key, which a rename makes differ)
    package: str  # the depended-on package's name
    member: bool  # a workspace member
    optional: bool
    default_features: bool
    features: tuple[str, ...]


@dataclass(frozen=True)
class Member:
    name: str
    path: str  # relative to the workspace root
    features: dict[str, tuple[str, ...]]
    dependencies: tuple[Dependency, ...]

    def dependency(self, key: str) -> Dependency | None:
        return next((d for d in self.dependencies if d.key == key), None)

    @property
    def implicit(self) -> frozenset[str]:
        """Optional dependencies that are features of their own: those no feature names with `dep:`."""
        named = {item[4:] for items in self.features.values() for item in items if item.startswith("dep:")}
        return frozenset(d.key for d in self.dependencies if d.optional and d.key not in named
                         and d.key not in self.features)

    @property
    def all_features(self) -> frozenset[str]:
        """What `cargo metadata` lists as the package's features: the [features] keys and the implicit ones."""
        return frozenset(self.features) | self.implicit


def _toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


@dataclass
class Workspace:
    root: Path
    members: dict[str, Member] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Path) -> Workspace:
        root = root.resolve()
        manifest = _toml(root / "Cargo.toml")
        workspace = manifest.get("workspace")
        inherited = workspace.get("dependencies", {}) if isinstance(workspace, dict) else {}
        directories = {path: _toml(path / "Cargo.toml") for path in workspace_members(root)}
        names = {path: str(m["package"]["name"]) for path, m in directories.items()  # type: ignore[index]
                 if isinstance(m.get("package"), dict) and "name" in m["package"]}  # type: ignore[operator]
        found = cls(root)
        for path, data in directories.items():
            if path not in names:
                continue
            deps = []
            for table in _dependency_tables(data):
                for key, spec in table.items():
                    deps.append(_dependency(str(key), spec, path, root, inherited, names))
            features = data.get("features")
            found.members[names[path]] = Member(
                names[path], str(path.relative_to(root)) if path != root else ".",
                {str(k): _strings(v) for k, v in features.items()} if isinstance(features, dict) else {},
                tuple(deps))
        return found

    def package_of_dir(self, rel: str) -> str | None:
        return next((m.name for m in self.members.values() if m.path == rel), None)

    # --- resolution -----------------------------------------------------------------------------------------

    def resolve(self, roots: list[str], requested: list[str], default_features: bool = True) -> dict[str, set[str]]:
        """The features each member gets from `cargo <cmd> -p ROOTS --features REQUESTED` (resolver 2, target
        side). A bare feature applies to every root that has it; `pkg/feat` to that root or root dependency."""
        return _Resolution(self).run(roots, requested, default_features)

    def scoped_features(self, package: str, resolved: dict[str, set[str]]) -> list[str]:
        """`--features` for `-p PACKAGE` alone that give it, and its direct member dependencies, the features
        `resolved` gives them (transitive members cannot be named on cargo's command line)."""
        member = self.members[package]
        features = sorted(f for f in resolved.get(package, set()) if f in member.all_features)
        for dep in sorted(member.dependencies, key=lambda d: d.key):
            if dep.member and dep.package in resolved and (not dep.optional or dep.key in resolved[package]):
                target = self.members[dep.package]
                features += [f"{dep.key}/{f}" for f in sorted(resolved[dep.package]) if f in target.all_features]
        return features


def _dependency_tables(data: dict[str, object]) -> list[dict[str, object]]:
    tables = [data.get(name) for name in DEPENDENCY_TABLES]
    targets = data.get("target")
    if isinstance(targets, dict):
        tables += [spec.get(name) for spec in targets.values() if isinstance(spec, dict) for name in DEPENDENCY_TABLES]
    return [t for t in tables if isinstance(t, dict)]


def _dependency(key: str, spec: object, member_dir: Path, root: Path, inherited: object,
                names: dict[Path, str]) -> Dependency:
    local = spec if isinstance(spec, dict) else {}
    base_dir = member_dir
    if local.get("workspace") is True and isinstance(inherited, dict):
        shared = inherited.get(key)
        shared = shared if isinstance(shared, dict) else {}
        merged = {**shared, **{k: v for k, v in local.items() if k not in ("workspace", "features")}}
        merged["features"] = [*_strings(shared.get("features")), *_strings(local.get("features"))]
        if "path" in shared:
            base_dir = root
        local = merged
    package = str(local.get("package", key))
    member = False
    if isinstance(local.get("path"), str):
        target = (base_dir / str(local["path"])).resolve()
        if target in names:
            package, member = names[target], True
    default = local.get("default-features", local.get("default_features", True))
    return Dependency(key, package, member, bool(local.get("optional", False)), default is not False,
                      _strings(local.get("features")))


class _Resolution:
    """One run of the resolver: which members are active, their features, which optional dependencies are on."""

    def __init__(self, workspace: Workspace) -> None:
        self.members = workspace.members
        self.features: dict[str, set[str]] = {}
        self.active_deps: set[tuple[str, str]] = set()
        self.weak: set[tuple[str, str, str]] = set()

    def run(self, roots: list[str], requested: list[str], default_features: bool) -> dict[str, set[str]]:
        roots = [r for r in roots if r in self.members]
        for root in roots:
            self.activate(root, (), default_features)
        for item in requested:
            if "/" in item:
                owner, _, feature = item.partition("/")
                if owner in roots:
                    self.enable(owner, feature)
                else:
                    for root in roots:
                        if self.members[root].dependency(owner.rstrip("?")) is not None:
                            self.item(root, item)
            else:
                for root in roots:
                    if item in self.members[root].all_features:
                        self.enable(root, item)
        changed = True
        while changed:  # weak `dep?/feat` items apply once something else has switched the dependency on
            changed = False
            for package, key, feature in sorted(self.weak):
                dep = self.members[package].dependency(key)
                if (package, key) in self.active_deps and dep is not None and dep.member \
                        and feature not in self.features.get(dep.package, set()):
                    self.enable(dep.package, feature)
                    changed = True
        return self.features

    def activate(self, package: str, features: tuple[str, ...], default_features: bool) -> None:
        new = package not in self.features
        self.features.setdefault(package, set())
        member = self.members[package]
        if default_features and "default" in member.features:
            self.enable(package, "default")
        for feature in features:
            self.enable(package, feature)
        if new:
            for dep in member.dependencies:
                if not dep.optional:
                    self.use(package, dep)

    def use(self, package: str, dep: Dependency) -> None:
        self.active_deps.add((package, dep.key))
        if dep.member:
            self.activate(dep.package, dep.features, dep.default_features)

    def enable(self, package: str, feature: str) -> None:
        member = self.members[package]
        if feature in self.features[package]:
            return
        self.features[package].add(feature)
        for item in member.features.get(feature, ()):
            self.item(package, item)
        if feature in member.implicit:
            dep = member.dependency(feature)
            if dep is not None:
                self.use(package, dep)

    def item(self, package: str, item: str) -> None:
        member = self.members[package]
        if item.startswith("dep:"):
            dep = member.dependency(item[4:])
            if dep is not None:
                self.use(package, dep)
            return
        if "/" not in item:
            if item in member.all_features:
                self.enable(package, item)
            return
        key, _, feature = item.partition("/")
        weak = key.endswith("?")
        key = key.rstrip("?")
        dep = member.dependency(key)
        if dep is None:
            return
        if weak:
            self.weak.add((package, key, feature))
            return
        if dep.optional and key in member.implicit:
            self.enable(package, key)
        self.use(package, dep)
        if dep.member:
            self.enable(dep.package, feature)
