"""Altair chart builders, one module per topic: each takes DataFrames and returns an `alt.Chart`."""
