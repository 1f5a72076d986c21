"""Benchmarks (scripts, not tests): `python -m desktop.bench`."""
