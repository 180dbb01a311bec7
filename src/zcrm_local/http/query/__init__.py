"""Query family endpoints: search, count, COQL (spec 50)."""
