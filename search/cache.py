"""The index generation: part of the key of every cached search answer.

Publishing replaces the content version at once, but the index follows through the task
queue a moment later. Every write to an index therefore replaces the generation once it is
committed (and, on Elasticsearch, searchable: the writer refreshes the index first), so no answer
cached in between outlives the change.
"""

from django.db import transaction

from workgroups.api.cache import version_token, version_token_replace

GENERATION_KEY = "sprachrohr:search:generation"


def index_generation() -> str:
    return version_token(GENERATION_KEY)


def index_generation_bump() -> None:
    transaction.on_commit(lambda: version_token_replace(GENERATION_KEY))
