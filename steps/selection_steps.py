"""Steps of the selection feature(s)."""

from __future__ import annotations
