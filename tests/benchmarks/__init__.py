"""Benchmarks: `make bench` and `make bench-peer` (not collected by pytest)."""
