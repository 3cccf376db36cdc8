"""Rules of the scaffolding area."""
