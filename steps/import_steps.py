"""Steps of the import feature(s)."""

from __future__ import annotations
