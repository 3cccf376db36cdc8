"""Rules of the imports area."""
