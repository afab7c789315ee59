"""Batch sizes of index work in one place: how many pages, documents or rows go per step."""

# Page ids per query when building documents (each batch prefetches its relations).
PAGES_PER_BUILD = 500
# Rows per database iterator chunk while building documents.
PAGE_ROWS_PER_FETCH = 200
# Documents per backend write call.
DOCUMENTS_PER_WRITE = 200
# Rows per bulk_update statement of the database backend.
DB_ROWS_PER_UPDATE = 200
# Actions per Elasticsearch bulk request.
ES_ACTIONS_PER_BULK = 500
# Hits per scroll page when reading every fingerprint of an Elasticsearch index.
ES_HITS_PER_SCROLL = 1000
# Newest matching rows the database backend reads for search-as-you-type.
DB_COMPLETION_ROWS = 500
# Index rows whose facets and field terms the database backend keeps decoded per process
# (about 3.5 kB each: measured 35 MB for 10,000 papers, per web process).
DB_CANDIDATE_ROWS = 20_000
