"""Tests of e-mail alerts."""
