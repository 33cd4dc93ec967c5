"""Benchmarks and quality scripts (run from the repository root)."""
