"""Working groups, position papers, organisations, addressees and events."""
