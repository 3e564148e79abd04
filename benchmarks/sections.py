"""Benchmark sections beyond load and CLI; each registers itself with `benchmarks.run.register`."""
