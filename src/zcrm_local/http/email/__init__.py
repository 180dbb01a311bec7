"""Emails of records (spec 70 §4): send mail, emails of a record, from addresses."""
