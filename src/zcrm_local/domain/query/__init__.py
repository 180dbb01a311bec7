"""The query engine's pure half: search criteria and COQL parse into one typed tree (``tree``),
checked against a module's field metadata; the store compiles the tree to SQL (spec 50)."""
