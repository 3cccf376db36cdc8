"""The report model the steps fill, and the renderers that only read it."""
