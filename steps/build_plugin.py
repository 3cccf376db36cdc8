"""pytest options and fixtures for the cargo scenarios (features/build.feature)."""

from __future__ import annotations
