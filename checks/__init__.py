"""The inspection engine: a plain Python package that reads a Hyperswitch checkout and returns findings.

Nothing in here knows about pytest. Data flows one way: checkout -> `Repository` (parsed once)
-> check functions (pure, returning `Finding`s) -> the pytest-bdd steps and the report.
"""
