"""Confidential share links: a draft paper shown to a named outsider until the link expires."""
