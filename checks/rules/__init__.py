"""The rules, one module per rule, grouped by area. Each module defines `RULE` and has `<module>.cases.toml` beside it."""
