"""Public read API of this domain, mounted under /api/v1/ by cms/api_urls.py."""
