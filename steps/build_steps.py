"""Steps of the build feature(s)."""

from __future__ import annotations
