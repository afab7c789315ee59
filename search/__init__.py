"""Public full-text search: Elasticsearch documents, index management and the database fallback."""
