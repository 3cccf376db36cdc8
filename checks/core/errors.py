"""Errors that stop a run before any verdict: they carry the exit code the harness documents."""

from __future__ import annotations

EXIT_USAGE = 2  # bad path, unknown connector, bad option value
EXIT_INFRA = 3  # the machine could not run a tool (cargo missing, timeout)


class HarnessError(Exception):
    """A problem with the input or the environment, reported as one clear message, never a traceback."""

    exit_code = EXIT_USAGE


class TargetError(HarnessError):
    """The target checkout is missing, is not Hyperswitch, or lacks a file the harness must read."""


class InfraError(HarnessError):
    """The machine could not run a tool the check needs (cargo missing, offline, timed out): not a verdict."""

    exit_code = EXIT_INFRA


class UsageError(HarnessError):
    """An option value is invalid (unknown connector, malformed name, unknown flow)."""
