"""Core types every layer shares: the finding, the rule, the errors, and the registry of rules."""
