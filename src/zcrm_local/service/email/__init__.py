"""Email use cases (spec 70 §4–§9): mail lands in the org's outbox, never on an SMTP server."""
