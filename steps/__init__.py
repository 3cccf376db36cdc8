"""pytest-bdd step definitions and the wiring between pytest and the inspection engine.

Steps are thin: each calls a rule through `ScenarioReview` and lets it turn findings into the verdict.
"""
