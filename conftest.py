"""The harness itself is a pytest plugin (the `pytest11` entry point `connector_compliance` in pyproject.toml), so
`pytest features/` needs nothing here; the harness's own tests use pytester to run scenarios in-process."""

pytest_plugins = ["pytester"]
