"""Python test suite (pytest-django), shared fixtures, factories and service runners."""
