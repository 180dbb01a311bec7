"""Email rules (spec 70 §4–§9): which modules take which call, the send-mail body, rendering."""
