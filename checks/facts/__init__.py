"""Facts read from the target (connectors, flows, impls, registration entries, types), each computed once per run."""
