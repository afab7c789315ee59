"""Rich text and paper bodies as API data: sanitised HTML whose links point at public targets only."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs
from wagtail.whitelist import Whitelister, attribute_rule, check_url

from workgroups.selectors import PublicScope

_plain = attribute_rule({})
# Elements the editor's feature set can produce; everything else is unwrapped.
ELEMENT_RULES = {
    "[document]": _plain,
    "p": _plain,
    "br": _plain,
    "b": _plain,
    "strong": _plain,
    "i": _plain,
    "em": _plain,
    "sup": _plain,
    "sub": _plain,
    "ol": _plain,
    "ul": _plain,
    "li": _plain,
    "h2": _plain,
    "h3": _plain,
    "h4": _plain,
    "a": attribute_rule({"href": check_url}),
}
# Elements whose content must go too (not just the tags).
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}


@dataclass
class LinkTargets:
    """Public URLs for the pages and documents that rich text links to (ids → URL)."""

    pages: dict[int, str] = field(default_factory=dict)
    documents: dict[int, str] = field(default_factory=dict)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _links(html: str) -> tuple[set[int], set[int]]:
    # Wagtail's own link rewriter reads stored rich text with these expressions; a full
    # parse happens once, in the sanitiser.
    pages, documents = set(), set()
    for match in FIND_A_TAG.finditer(html or ""):
        attrs = extract_attrs(match.group(1))
        target = _int(attrs.get("id"))
        if target is None:
            continue
        if attrs.get("linktype") == "page":
            pages.add(target)
        elif attrs.get("linktype") == "document":
            documents.add(target)
    return pages, documents


def document_url(document) -> str:
    """The absolute download URL of a document (served through Django, so privacy holds)."""
    return f"{settings.PUBLIC_BACKEND_URL}{document.url}"


def link_targets_resolve(
    htmls: Iterable[str], *, scope: PublicScope, document_ids: Iterable[int] = ()
) -> LinkTargets:
    """Look up every linked page and document (plus ``document_ids``) at once: ≤ 2 queries."""
    page_ids: set[int] = set()
    document_ids = set(document_ids)
    for html in htmls:
        pages, documents = _links(html)
        page_ids |= pages
        document_ids |= documents
    targets = LinkTargets()
    if page_ids:
        for pk, url_path in Page.objects.filter(scope.q(), pk__in=page_ids).values_list(
            "pk", "url_path"
        ):
            targets.pages[pk] = scope.frontend_path(url_path)
    if document_ids:
        restricted = CollectionViewRestriction.objects.filter(
            StartsWith(OuterRef("collection__path"), F("collection__path"))
        )
        documents = (
            get_document_model()
            .objects.filter(pk__in=document_ids)
            .exclude(Exists(restricted))
            .only("id", "file", "title")
        )
        targets.documents = {document.pk: document_url(document) for document in documents}
    return targets


class _Sanitiser(Whitelister):
    element_rules = ELEMENT_RULES

    def __init__(self, targets: LinkTargets):
        self.targets = targets

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        if tag.name == "a" and tag.get("linktype"):
            self._resolve(tag)
        super().clean_tag_node(doc, tag)

    def _resolve(self, tag):
        linktype, target = tag.get("linktype"), _int(tag.get("id"))
        lookup = {"page": self.targets.pages, "document": self.targets.documents}.get(linktype, {})
        href = lookup.get(target) if target is not None else None
        for attribute in list(tag.attrs):
            del tag[attribute]
        if href:
            tag["href"] = href
        else:
            # A link to something that is not public keeps its text but loses the link
            # (the renamed tag is not in the allow-list, so it is unwrapped).
            tag.name = "span"


def rich_text_html(html: str, *, targets: LinkTargets) -> str:
    """Sanitised HTML: allowed tags only, links to public pages/documents or external URLs."""
    return _Sanitiser(targets).clean(html or "").strip()


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _table(value: dict) -> dict:
    value = value if isinstance(value, dict) else {}
    rows = [
        ["" if cell is None else str(cell) for cell in row]
        for row in value.get("data") or []
        if isinstance(row, list)
    ]
    return {
        "caption": _text(value.get("table_caption")),
        "first_row_is_header": bool(value.get("first_row_is_table_header")),
        "first_column_is_header": bool(value.get("first_col_is_header")),
        "rows": rows,
    }


def _struct(value, keys: tuple[str, ...], defaults: dict | None = None) -> dict:
    value = value if isinstance(value, dict) else {}
    defaults = defaults or {}
    return {key: _text(value.get(key)) or defaults.get(key, "") for key in keys}


def demand_value(value) -> dict:
    return _struct(value, ("reference", "current_wording", "proposed_change", "rationale"))


def body_blocks(stream_value, *, targets: LinkTargets) -> list[dict]:
    """A StreamField value as ``[{id, type, value}]`` with plain data and sanitised HTML."""
    blocks = []
    for item in stream_value.raw_data if stream_value else []:
        kind, value = item.get("type"), item.get("value")
        if kind == "heading":
            data = _struct(value, ("text", "level"), {"level": "h2"})
            if data["level"] not in ("h2", "h3"):
                data["level"] = "h2"
        elif kind == "paragraph":
            data = rich_text_html(_text(value), targets=targets)
        elif kind == "quote":
            data = _struct(value, ("text", "attribution"))
        elif kind == "table":
            data = _table(value)
        elif kind == "reference":
            data = _struct(value, ("label", "text", "url"))
            data["url"] = (check_url(data["url"]) or "") if data["url"] else ""
        elif kind == "demand":
            data = demand_value(value)
        else:
            continue
        blocks.append({"id": item.get("id") or "", "type": kind, "value": data})
    return blocks


def body_rich_texts(stream_value) -> list[str]:
    """The rich text strings of a body, for resolving their links in one go."""
    return [
        item.get("value") or ""
        for item in (stream_value.raw_data if stream_value else [])
        if item.get("type") == "paragraph" and isinstance(item.get("value"), str)
    ]
