"""Writes of supervision, one module per topic."""
