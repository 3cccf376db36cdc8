"""Rules of the registration area."""
