"""Running cargo: the process runner, the per-run session, the disk cache, rustc and libtest output parsing."""
