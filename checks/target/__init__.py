"""The target checkout as a model: where things live, Rust and TOML files parsed once, the fact cache."""
