"""Pages of supervision, one module per topic."""
