#!/usr/bin/env bash
# The three mistakes a CI author makes with the harness, each run as a CI job would run it, against TARGET (a git
# checkout whose connector fails a check). Every job must end non-zero with the harness's one-line reason as its
# last line; this prints one line per job, `<job>: exit <code>: <last line>`, and exits 1 if any job passed.
#
#   scripts/ci_mistakes.sh TARGET [CONNECTOR] [PYTHON]
set -u
harness="$(cd "$(dirname "$0")/.." && pwd)"
target="$(cd "$1" && pwd)"
connector="${2:-samplepay}"
python="${3:-python3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0

job() {  # job NAME DIR ARGS...: run pytest in DIR, report its exit code and its last non-empty line
  local name=$1 dir=$2
  shift 2
  (cd "$dir" && "$python" -m pytest "$@") >"$scratch/$name.log" 2>&1
  local code=$?
  echo "$name: exit $code: $(grep -v '^[[:space:]]*$' "$scratch/$name.log" | tail -n 1)"
  if [ "$code" -eq 0 ]; then status=1; fi
}

# 1. `features/` forgotten: before the plugin, pytest ran the harness's own tests and exited 0.
job no-features "$harness" --hs-repo "$target" --connector "$connector" --no-cargo
# 2. the space form of an option, from another directory: before the plugin, "unrecognized arguments" (exit 4).
job space-form "$scratch" "$harness/features" --hs-repo "$target" --connector "$connector" --no-cargo \
  --report-dir "$scratch/report"
# 3. run from inside the target: the default report directory moves beside the checkout, `git status` stays clean;
#    a --report-dir inside the checkout is refused.
job inside-target "$target" "$harness/features" --hs-repo . --connector "$connector" --no-cargo
job inside-target-report-dir "$target" "$harness/features" --hs-repo . --connector "$connector" --no-cargo \
  --report-dir compliance-report
dirty="$(git -C "$target" status --porcelain --ignored)"
echo "git status in the target: ${dirty:-clean}"
if [ -n "$dirty" ]; then status=1; fi
exit $status
