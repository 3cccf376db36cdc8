"""What the target's own pull-request CI runs with cargo, read as text: the workflow's `run:` steps (with the file and
line of each command and the env it gets) and the justfile recipes they call, expanded to their cargo line.

Tolerant by design: an unreadable or unusual file yields no commands (the caller falls back and says so), never an
exception. The YAML is read with PyYAML's node API, which keeps line numbers; the justfile with a small reader
that understands assignments (`x := '...'`), recipe parameters with defaults, `{{ x }}` interpolation and the one
shell idiom Hyperswitch's recipes use to build a feature list (`FEATURES="$(cargo metadata ... | jq ...)"`).
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .features import Workspace

# PyYAML costs about 20 ms to import, and only a run that plans cargo reads a workflow: imported where used.
if TYPE_CHECKING:
    import yaml

WORKFLOWS_DIR = ".github/workflows"
PREFERRED_WORKFLOWS = ("CI-pr.yml", "CI-pr.yaml")
JUSTFILES = ("justfile", "Justfile", ".justfile")
SEPARATORS = {"&&", "||", ";", "|", "&"}


@dataclass(frozen=True)
class CiCommand:
    """One `cargo ...` or `just ...` command of a CI step (or of a justfile recipe it calls)."""

    file: str  # relative to the target root
    line: int
    job: str
    words: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()
    via: str = ""  # the workflow command that called this recipe line, as file:line
    notes: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def text(self) -> str:
        return shlex.join(self.words)

    def env_value(self, name: str) -> str | None:
        return next((v for k, v in self.env if k == name), None)


# --- workflows ---------------------------------------------------------------------------------------------


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    import yaml
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _items(node: yaml.Node | None) -> list[tuple[str, yaml.Node]]:
    import yaml
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(str(k.value), v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]


def _env(node: yaml.Node | None) -> dict[str, str]:
    import yaml
    return {k: str(v.value) for k, v in _items(node) if isinstance(v, yaml.ScalarNode)}


def _triggers(node: yaml.Node | None) -> set[str]:
    import yaml
    if isinstance(node, yaml.ScalarNode):
        return {str(node.value)}
    if isinstance(node, yaml.SequenceNode):
        return {str(n.value) for n in node.value if isinstance(n, yaml.ScalarNode)}
    return {k for k, _ in _items(node)}


def _script_lines(node: yaml.ScalarNode) -> list[tuple[int, str]]:
    """The script's lines with their 1-based line in the file (block scalars start on the line after `|`)."""
    lines = str(node.value).split("\n")
    first = node.start_mark.line + (2 if node.style in ("|", ">") else 1)
    return [(first + i, text) for i, text in enumerate(lines)]


def _commands(lines: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """Shell commands of a script: continuation lines joined, comments dropped, split at && ; | (tolerant)."""
    found: list[tuple[int, list[str]]] = []
    pending, start = "", 0
    for number, text in lines:
        if not pending:
            start = number
        if text.rstrip().endswith("\\"):
            pending += text.rstrip()[:-1] + " "
            continue
        script, pending = pending + text, ""
        try:
            lexer = shlex.shlex(script, posix=True, punctuation_chars=";&|")
            lexer.whitespace_split = True
            lexer.commenters = "#"
            tokens = list(lexer)
        except ValueError:
            continue
        command: list[str] = []
        for token in [*tokens, ";"]:
            if token in SEPARATORS:
                if command:
                    found.append((start, command))
                command = []
            else:
                command.append(token)
    return found


def _without_assignments(words: list[str]) -> tuple[list[str], dict[str, str]]:
    """`RUSTFLAGS=x cargo ...`: the command and its inline environment."""
    env: dict[str, str] = {}
    while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
        name, _, value = words[0].partition("=")
        env[name] = value
        words = words[1:]
    return words, env


def workflow_files(root: Path) -> list[Path]:
    """CI-pr.yml (Hyperswitch's pull-request workflow) when the tree has it, else every workflow file (only those
    triggered by pull_request are read)."""
    directory = root / WORKFLOWS_DIR
    if not directory.is_dir():
        return []
    files = sorted(p for p in directory.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
    preferred = [p for p in files if p.name in PREFERRED_WORKFLOWS]
    return preferred[:1] or files


def workflow_commands(root: Path) -> list[CiCommand]:
    """Every `cargo`/`just` command of the target's pull-request workflows, in file order."""
    import yaml
    found: list[CiCommand] = []
    for path in workflow_files(root):
        try:
            document = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if "pull_request" not in _triggers(_get(document, "on")) and path.name not in PREFERRED_WORKFLOWS:
            continue
        rel = str(path.relative_to(root))
        workflow_env = _env(_get(document, "env"))
        for job, body in _items(_get(document, "jobs")):
            job_env = {**workflow_env, **_env(_get(body, "env"))}
            steps = _get(body, "steps")
            for step in steps.value if isinstance(steps, yaml.SequenceNode) else []:
                run = _get(step, "run")
                if not isinstance(run, yaml.ScalarNode):
                    continue
                step_env = {**job_env, **_env(_get(step, "env"))}
                for line, words in _commands(_script_lines(run)):
                    words, inline = _without_assignments(words)
                    if words and words[0] in ("cargo", "just"):
                        env = tuple(sorted({**step_env, **inline}.items()))
                        found.append(CiCommand(rel, line, job, tuple(words), env))
    return found


# --- justfile ----------------------------------------------------------------------------------------------


@dataclass
class Recipe:
    name: str
    line: int
    params: list[tuple[str, str, bool]]  # (name, default, variadic)
    body: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Justfile:
    path: str  # relative to the target root
    assignments: dict[str, str]
    recipes: dict[str, Recipe]


ASSIGNMENT = re.compile(r"^(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(.+?)\s*$")
RECIPE = re.compile(r"^@?([A-Za-z_][\w-]*)((?:\s+[^:]+?)?)\s*:(?!=)(.*)$")
PARAM = re.compile(r"""^([*+$]?)([A-Za-z_][\w-]*)(?:=(?:'([^']*)'|"([^"]*)"|(\S+)))?$""")
INTERPOLATION = re.compile(r"\{\{\s*([A-Za-z_][\w-]*)\s*\}\}")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def read_justfile(root: Path) -> Justfile | None:
    path = next((root / name for name in JUSTFILES if (root / name).is_file()), None)
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    found = Justfile(str(path.relative_to(root)), {}, {})
    current: Recipe | None = None
    for number, text in enumerate(lines, start=1):
        if text[:1] in (" ", "\t"):
            if current is not None:
                current.body.append((number, text.strip()))
            continue
        if not text.strip():
            continue  # a blank line does not end a recipe
        current = None
        if text.startswith("#"):
            continue
        if match := ASSIGNMENT.match(text):
            found.assignments[match[1]] = _unquote(match[2])
        elif (match := RECIPE.match(text)) and not text.startswith(("alias ", "set ", "import ", "mod ")):
            params = []
            for word in match[2].split():
                if param := PARAM.match(word):
                    default = next((g for g in param.groups()[2:] if g is not None), "")
                    params.append((param[2], default, param[1] in ("*", "+")))
            current = Recipe(match[1], number, params)
            found.recipes[current.name] = current
    return found


def _feature_universe(script: str, workspace: Workspace) -> tuple[list[str], str] | None:
    """The value of `FEATURES="$(cargo metadata ... | jq ...)"`: every member's feature names minus the ones the
    jq program deletes (`test("regex")`, `. == ("a", "b")`). None when the script is not that idiom."""
    if "cargo metadata" not in script or ".features" not in script or "keys" not in script:
        return None
    patterns = re.findall(r'test\(\s*"((?:[^"\\]|\\.)*)"\s*\)', script)
    literals = [item for group in re.findall(r"==\s*\(([^)]*)\)", script) for item in re.findall(r'"([^"]*)"', group)]
    literals += re.findall(r'==\s*"([^"]*)"', script)
    try:
        compiled = [re.compile(p) for p in patterns]
    except re.error:
        return None
    universe = sorted({f for m in workspace.members.values() for f in m.all_features})
    kept = [f for f in universe if f not in literals and not any(p.search(f) for p in compiled)]
    how = (f"every workspace member's feature ({len(universe)}) except "
           f"{', '.join([*(f'/{p}/' for p in patterns), *literals]) or 'none'}")
    return kept, how


def _shell_value(value: str, variables: dict[str, str]) -> str:
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: variables.get(m[1] or m[2], m[0]), value)


def expand_recipe(justfile: Justfile, call: CiCommand, workspace: Workspace) -> CiCommand | None:
    """The cargo line that `just RECIPE ARGS` runs, with every interpolation and the FEATURES idiom expanded."""
    if len(call.words) < 2 or call.words[1] not in justfile.recipes:
        return None
    recipe = justfile.recipes[call.words[1]]
    values = dict(justfile.assignments)
    args = list(call.words[2:])
    for name, default, variadic in recipe.params:
        values[name] = " ".join(args) if variadic else (args.pop(0) if args else default)
        if variadic:
            args = []
    variables: dict[str, str] = {}
    notes: list[str] = []
    body = [(n, INTERPOLATION.sub(lambda m: values.get(m[1], ""), text)) for n, text in recipe.body]
    index = 0
    while index < len(body):
        number, text = body[index]
        if match := re.match(r'^([A-Za-z_]\w*)="(.*)$', text):
            name, value = match[1], match[2]
            while value.count("$(") > value.count(")\"") and index + 1 < len(body):  # a multi-line $( ... )
                index += 1
                value += "\n" + body[index][1]
            if "$(" in value:
                universe = _feature_universe(value, workspace)
                if universe is None:
                    notes.append(f"{justfile.path}:{number}: ${name} is computed by a command the harness cannot "
                                 "evaluate")
                    variables[name] = ""
                else:
                    variables[name] = ",".join(universe[0])
                    notes.append(f"{justfile.path}:{number}: ${name} = {universe[1]}")
            else:
                variables[name] = _shell_value(value.rstrip('"'), variables)
        elif text.startswith("cargo "):
            try:
                words = shlex.split(_shell_value(text, variables))
            except ValueError:
                return None
            return CiCommand(justfile.path, number, call.job, tuple(words), call.env, call.where, tuple(notes))
        index += 1
    return None


# --- what CI builds ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CargoInvocation:
    """The parts of a cargo command line the harness reuses."""

    subcommand: str
    packages: tuple[str, ...]
    features: tuple[str, ...]
    no_default_features: bool
    all_features: bool
    workspace: bool
    all_targets: bool
    after: tuple[str, ...]  # after `--` (lint flags for clippy)

    @classmethod
    def parse(cls, words: tuple[str, ...]) -> CargoInvocation:
        rest = [w for w in words[1:] if not w.startswith("+")]  # `cargo +nightly ...`: the toolchain
        after: tuple[str, ...] = ()
        if "--" in rest:
            after = tuple(rest[rest.index("--") + 1:])
            rest = rest[:rest.index("--")]
        subcommand = rest[0] if rest else ""
        packages: list[str] = []
        features: list[str] = []
        options = iter(rest[1:])
        for word in options:
            if word in ("-p", "--package"):
                packages.append(next(options, ""))
            elif word.startswith("--package="):
                packages.append(word.partition("=")[2])
            elif word in ("-F", "--features"):
                features += re.split(r"[,\s]+", next(options, ""))
            elif word.startswith("--features="):
                features += re.split(r"[,\s]+", word.partition("=")[2])
        return cls(subcommand, tuple(packages), tuple(f for f in features if f), "--no-default-features" in rest,
                   "--all-features" in rest, "--workspace" in rest or "--all" in rest, "--all-targets" in rest,
                   after)


@dataclass(frozen=True)
class CiBuild:
    """What the pull-request CI runs: its `cargo check` and its clippy line (expanded from the justfile)."""

    check: CiCommand | None
    clippy: CiCommand | None
    notes: tuple[str, ...]


def _v2(invocation: CargoInvocation) -> bool:
    return any(re.search(r"(^|_)v2$", f) for f in invocation.features)


def _first(commands: list[CiCommand], *preferences: object) -> CiCommand | None:
    """The first command meeting the most preferences (each a predicate on its invocation), in file order."""
    def score(command: CiCommand) -> int:
        invocation = CargoInvocation.parse(command.words)
        return sum(1 for p in preferences if callable(p) and p(invocation))
    return max(commands, key=score, default=None) if commands else None


def read_ci_build(root: Path, workspace: Workspace) -> CiBuild:
    """The v1 `cargo check` and clippy line of the target's pull-request CI (v2 ones only when there is no other)."""
    commands = workflow_commands(root)
    notes: list[str] = []
    cargo = [c for c in commands if c.words[0] == "cargo"]
    checks = [c for c in cargo if CargoInvocation.parse(c.words).subcommand == "check"]
    clippies = [c for c in cargo if CargoInvocation.parse(c.words).subcommand == "clippy"]
    justfile = read_justfile(root)
    for call in (c for c in commands if c.words[0] == "just"):
        if justfile is None:
            notes.append(f"{call.where}: `{call.text}` calls a justfile the tree does not have")
            break
        expanded = expand_recipe(justfile, call, workspace)
        if expanded is not None and CargoInvocation.parse(expanded.words).subcommand == "clippy":
            clippies.append(expanded)
    check = _first(checks, lambda i: not _v2(i), lambda i: not i.no_default_features)
    clippy = _first(clippies, lambda i: not _v2(i))
    return CiBuild(check, clippy, tuple(notes))
