"""The public subscription API, mounted under /api/v1/ by cms/api_urls.py."""
