"""The query engine's SQL half: the typed tree of ``domain.query.tree`` compiled for both stores."""
