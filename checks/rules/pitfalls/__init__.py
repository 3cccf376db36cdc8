"""Rules of the pitfalls area."""
