"""Binds every scenario under features/ into pytest (pytest-bdd does not collect .feature files by itself)."""

from pytest_bdd import scenarios

scenarios(".")
