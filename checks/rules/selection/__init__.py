"""Rules of the selection area."""
