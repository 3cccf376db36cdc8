"""Steps of the pitfall feature(s)."""

from __future__ import annotations
