"""``POST /__composite_requests`` (spec 70 §3)."""
