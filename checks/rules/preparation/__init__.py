"""Rules of the preparation area."""
