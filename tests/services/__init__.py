"""Throwaway PostgreSQL and Elasticsearch servers for tests, demos and benchmarks.

Both servers refuse to run as root, so when we are root they run as an unprivileged
system user (``postgres`` / ``sprachrohr-es``), on loopback, in a temporary directory.
"""
