"""Rules of the flows area."""
