"""Sprachrohr Django project: settings, URLs, home page and shared blocks."""
