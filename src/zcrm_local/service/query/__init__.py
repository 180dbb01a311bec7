"""Query family: search, count and COQL over the records store (spec 50)."""
