"""Steps of the preparation feature(s)."""

from __future__ import annotations
