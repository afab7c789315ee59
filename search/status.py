"""Index status: what each backend holds next to the public pages it should hold."""

from dataclasses import asdict, dataclass

from search.backends import SearchBackend, write_backends
from search.backends.base import BackendDescription
from search.content import KINDS, documents_count
from workgroups.selectors import public_scope


@dataclass(frozen=True)
class BackendStatus:
    """One backend's description next to the number of public pages per kind."""

    description: BackendDescription
    public: dict[str, int]

    def in_sync(self, kind: str) -> bool:
        index = self.description.indices.get(kind)
        return index is not None and index.documents == self.public[kind]

    def as_dict(self) -> dict:
        facts = asdict(self.description)
        for kind, entry in facts["indices"].items():
            entry.update(public=self.public[kind], in_sync=self.in_sync(kind))
        return facts


def index_status(*, backends: list[SearchBackend] | None = None) -> dict[str, BackendStatus]:
    """Per backend: what it holds of each kind and how many public pages there are."""
    backends = write_backends() if backends is None else backends
    scope = public_scope()
    public = {kind: documents_count(kind=kind, scope=scope) for kind in KINDS}
    return {
        backend.name: BackendStatus(description=backend.describe(), public=public)
        for backend in backends
    }
