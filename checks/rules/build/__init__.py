"""Rules of the build area."""
