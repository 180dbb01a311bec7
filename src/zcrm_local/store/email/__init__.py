"""Mails of records and the org's email fixtures (spec 70 §4–§9)."""
