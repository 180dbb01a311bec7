"""Composite requests (spec 70 §3): the body's rules, references between sub-requests, which
APIs may run inside a composite and with which caps, and the status of the whole answer."""
