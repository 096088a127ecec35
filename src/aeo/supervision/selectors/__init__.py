"""Reads of supervision, scoped to who asks; one module per topic."""
