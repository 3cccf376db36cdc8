"""Orchestration of one harness run without pytest: options, the run context, waivers, changed connectors, verdicts."""
