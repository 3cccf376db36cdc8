"""The rules, one module per rule, grouped by area; each module defines `RULE`, its cases are `<module>.cases.toml`."""
