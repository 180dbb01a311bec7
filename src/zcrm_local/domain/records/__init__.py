"""Generic, metadata-driven record handling: coercion, merging, rendering, envelopes."""
