"""Forms of supervision, one module per topic."""
