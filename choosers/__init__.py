"""Searchable choosers and plain-German list columns for the admin's editors and listings."""
