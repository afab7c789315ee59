"""The public impact overview of the read API."""
