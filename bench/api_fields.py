"""The paper list fields requested from Wagtail API v2 (same information as /api/v1/papers/)."""

V2_LIST_FIELDS = [
    "subtitle",
    "summary",
    "paper_type",
    "status",
    "publication_date",
    "version_label",
    "citation_id",
    "tags",
    "co_working_groups",
    "dispatches",
    "pdf",
]
