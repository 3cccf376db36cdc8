"""The inspection engine: a plain Python package that reads a Hyperswitch checkout and returns findings.

Nothing in here knows about pytest. Data flows one way:
target checkout -> `target` (the repository model, each file parsed once) -> `facts` (what the tree declares,
computed once per run) -> `rules` (one module per rule, pure functions returning `Finding`s) -> `run`
(options, waivers, changed connectors, verdicts). `cargo` is infrastructure the build rules call.
"""
