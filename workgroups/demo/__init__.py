"""Demo content (content.json), its schema and its validation."""
