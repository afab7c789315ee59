"""Admin crawl: a member of one working group finds nothing of another group's internals."""

import html
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.models import Collection, Comment, Page, Revision, WorkflowState

from tests.factories import EventPageFactory, MinutesPageFactory, PositionPaperPageFactory
from workgroups.models import MinutesIndexPage
from workgroups.services.pdf import simple_pdf
from workgroups.services.roles import PUBLICATIONS_COLLECTION_NAME

pytestmark = pytest.mark.django_db

# Each marker is a word that appears nowhere else: in a response it can only come from
# the secret it was put into.
MARKERS = {
    "draft": "xqentwurfsmarke",
    "never_published": "xqungeborenmarke",
    "in_review": "xqpruefungsmarke",
    "minutes": "xqprotokollmarke",
    "event": "xqtreffenmarke",
    "comment": "xqkommentarmarke",
    "tag": "xqschlagwortmarke",
    "internal_document": "xqinternmarke",
    "draft_pdf": "xqpdfmarke",
}
# The other group's pages and documents get ids far above all others, so a bare number
# in a response can only be one of them.
HIGH_PAGE_IDS_FROM = 7_340_000
HIGH_DOCUMENT_IDS_FROM = 7_350_000
# A member's crawl of this tree reaches about 600 admin URLs, 370 of them answering 200;
# far fewer would mean the crawl stopped following links.
MEMBER_MIN_OK_PAGES = 250
CRAWL_LIMIT = 1500
# The editor's crawl only has to prove the markers can be found.
EDITOR_EXTRA_PAGES = 100
VARIANTS_PER_PATH = 3
# Not followed: leaving the admin, static assets, POST-only endpoints, binary exports.
SKIPPED = re.compile(
    r"^/admin/(logout|login|password_reset|jsi18n|sprite|failwhale|editing-sessions|dismissibles)/"
    r"|[?&]export=xlsx"
)
NEXT_PARAMETER = re.compile(r"[?&]next=[^&]*")
URL_IN_BODY = re.compile(r"""(?:["'=\s(]|^)((?:https?://testserver)?/admin/[^"'\s<>\\)]*)""")


@dataclass
class Secrets:
    """The other group's internals, and the ids that must not appear either."""

    page_ids: dict[str, int]
    document_ids: dict[str, int]
    draft_paper_id: int
    draft_revision_id: int
    workflow_state_id: int
    task_id: int

    @property
    def ids(self) -> list[int]:
        return [*self.page_ids.values(), *self.document_ids.values()]


def _document(title: str, file_name: str, content: bytes, **fields):
    document = get_document_model()(title=title, **fields)
    document.file.save(file_name, ContentFile(content), save=False)
    document.save()
    return document


def _continue_ids_at(model, start: int) -> None:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, start])
        else:
            cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [start, table])
            if cursor.rowcount == 0:
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, start]
                )


@pytest.fixture
def group_software(make_group, group_security):
    # Everything created from here on (the other group, its minutes, papers, documents)
    # has a high id.
    _continue_ids_at(Page, HIGH_PAGE_IDS_FROM)
    _continue_ids_at(get_document_model(), HIGH_DOCUMENT_IDS_FROM)
    return make_group("Arbeitskreis Software", "software")


@pytest.fixture
def secrets(group_software, group_security, member_software, chair_software, event_index):
    access = group_software.access
    publications = (
        Collection.get_first_root_node().get_children().get(name=PUBLICATIONS_COLLECTION_NAME)
    )
    draft_pdf = _document(
        f"Entwurf als PDF {MARKERS['draft_pdf']}",
        f"{MARKERS['draft_pdf']}.pdf",
        simple_pdf(title="Entwurf", paragraphs=["Noch nicht veröffentlicht."]),
        collection=publications,
        uploaded_by_user=member_software,
    )
    internal = _document(
        f"Teilnehmerliste {MARKERS['internal_document']}",
        f"{MARKERS['internal_document']}.txt",
        b"vertraulich",
        collection=access.collection,
        uploaded_by_user=member_software,
    )

    # A public paper whose pending draft carries the marker (live title stays public).
    draft = PositionPaperPageFactory(
        parent=group_software, title="Cloud-Strategie", slug="cloud-strategie"
    )
    draft.title = f"Cloud-Strategie {MARKERS['draft']}"
    draft.slug = MARKERS["draft"]
    draft_revision = draft.save_revision(user=member_software)

    never = PositionPaperPageFactory(
        parent=group_software,
        title=f"Ungeborenes Papier {MARKERS['never_published']}",
        slug=MARKERS["never_published"],
        pdf=draft_pdf,
        publish=False,
    )
    never.tags.set([MARKERS["tag"]])
    never.save()
    never.save_revision(user=member_software)
    Comment.objects.create(
        page=never, user=member_software, text=MARKERS["comment"], contentpath="title"
    )

    review = PositionPaperPageFactory(
        parent=group_software,
        title=f"Papier in Prüfung {MARKERS['in_review']}",
        slug=MARKERS["in_review"],
        publish=False,
    )
    review.save_revision(user=member_software)
    group_software.get_workflow().start(review, member_software)
    state = WorkflowState.objects.get(object_id=str(review.pk))

    minutes_index = MinutesIndexPage.objects.child_of(group_software).get()
    minutes = MinutesPageFactory(
        parent=minutes_index,
        title=f"Sitzung {MARKERS['minutes']}",
        slug=MARKERS["minutes"],
    )
    event = EventPageFactory(
        parent=event_index,
        title=f"Klausur {MARKERS['event']}",
        slug=MARKERS["event"],
        working_group=group_software,
        publish=False,
    )

    # The crawling member's own group has content too, so its admin is not empty.
    PositionPaperPageFactory(parent=group_security, title="Eigener Entwurf", publish=False)
    PositionPaperPageFactory(parent=group_security, title="Eigenes Papier")
    _document(
        "Eigene Liste",
        "eigene-liste.txt",
        b"eigen",
        collection=group_security.access.collection,
    )
    return Secrets(
        page_ids={
            "never_published": never.pk,
            "in_review": review.pk,
            "minutes_index": minutes_index.pk,
            "minutes": minutes.pk,
            "event": event.pk,
        },
        document_ids={"internal_document": internal.pk, "draft_pdf": draft_pdf.pk},
        draft_paper_id=draft.pk,
        draft_revision_id=draft_revision.pk,
        workflow_state_id=state.pk,
        task_id=state.current_task_state.task_id,
    )


def explicit_urls(secrets: Secrets) -> list[str]:
    """Every report, search, chooser, bulk action, history and API URL, aimed at the secrets."""
    urls = [
        "/admin/",
        "/admin/pages/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow/?export=csv",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/workflow_tasks/?export=csv",
        "/admin/reports/site-history/",
        "/admin/reports/site-history/?export=csv",
        "/admin/reports/aging-pages/",
        "/admin/reports/aging-pages/?export=csv",
        "/admin/reports/page-types-usage/",
        "/admin/reports/page-types-usage/?export=csv",
        "/admin/pages/usage/workgroups/positionpaperpage/",
        "/admin/pages/usage/workgroups/minutespage/",
        "/admin/pages/usage/workgroups/eventpage/",
        "/admin/papers/",
        "/admin/papers/?export=csv",
        "/admin/events/",
        "/admin/documents/",
        "/admin/documents/chooser/",
        "/admin/images/chooser/",
        "/admin/choose-page/",
        "/admin/api/main/pages/",
        "/admin/api/main/pages/?fields=title,admin_display_title&limit=100",
        "/admin/api/main/documents/",
        "/admin/api/main/images/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/collections/",
        # The searchable choosers of the paper editor (choosers/).
        "/admin/auswahl/arbeitskreise/",
        "/admin/auswahl/arbeitskreise/?multiple=1",
        "/admin/snippets/choose/workgroups/regulatoryproject/",
        "/admin/snippets/choose/workgroups/organisation/",
        "/admin/snippets/choose/workgroups/addressee/",
    ]
    # Searches use the upper-case marker: a search box echoing the query is no leak, a
    # result carrying the (lower-case) secret is.
    for marker in (m.upper() for m in MARKERS.values()):
        urls += [
            f"/admin/pages/search/?q={marker}",
            f"/admin/pages/search/results/?q={marker}",
            f"/admin/choose-page/search/?q={marker}",
            f"/admin/documents/?q={marker}",
            f"/admin/documents/results/?q={marker}",
            f"/admin/documents/chooser/?q={marker}",
            f"/admin/documents/chooser/results/?q={marker}",
            f"/admin/papers/?q={marker}",
            f"/admin/events/?q={marker}",
            f"/admin/api/main/pages/?search={marker}",
            f"/admin/api/main/documents/?search={marker}",
            f"/admin/reports/site-history/?q={marker}",
            f"/admin/tag-autocomplete/?term={marker[:6]}",
            f"/admin/tag-autocomplete/taggit/tag/?term={marker[:6]}",
            f"/admin/auswahl/arbeitskreise/?q={marker}",
            f"/admin/auswahl/arbeitskreise/results/?q={marker}",
        ]
    page_ids = list(secrets.page_ids.values())
    page_query = "&".join(f"id={pk}" for pk in page_ids)
    for action in ("delete", "move", "publish", "unpublish"):
        urls.append(f"/admin/bulk/wagtailcore/page/{action}/?{page_query}")
        urls.append(f"/admin/bulk/workgroups/positionpaperpage/{action}/?{page_query}")
    document_query = "&".join(f"id={pk}" for pk in secrets.document_ids.values())
    for action in ("delete", "add_to_collection", "add_tags"):
        urls.append(f"/admin/bulk/wagtaildocs/document/{action}/?{document_query}")
    urls.append(f"/admin/choose-page/chosen-multiple/?{page_query}")
    urls.append(f"/admin/auswahl/arbeitskreise/chosen-multiple/?{page_query}")
    for pk in [*page_ids, secrets.draft_paper_id]:
        urls += [
            f"/admin/pages/{pk}/",
            f"/admin/pages/{pk}/results/",
            f"/admin/choose-page/{pk}/",
            f"/admin/pages/{pk}/edit/",
            f"/admin/pages/{pk}/view_draft/",
            f"/admin/pages/{pk}/history/",
            f"/admin/pages/{pk}/history/results/",
            f"/admin/pages/{pk}/revisions/",
            f"/admin/pages/{pk}/revisions/compare/earliest...latest/",
            f"/admin/pages/{pk}/revisions/compare/live...latest/",
            f"/admin/pages/{pk}/workflow_history/",
            f"/admin/pages/{pk}/usage/",
            f"/admin/pages/{pk}/move/",
            f"/admin/pages/{pk}/copy/",
            f"/admin/pages/{pk}/delete/",
            f"/admin/pages/{pk}/unpublish/",
            f"/admin/pages/{pk}/privacy/",
            f"/admin/pages/{pk}/add_subpage/",
            f"/admin/pages/workflow/confirm_cancellation/{pk}/",
            f"/admin/pages/workflow/preview/{pk}/{secrets.task_id}/",
            f"/admin/pages/{pk}/workflow_history/detail/{secrets.workflow_state_id}/",
            f"/admin/api/main/pages/{pk}/",
            f"/admin/api/main/pages/?child_of={pk}",
            f"/admin/choose-page/?parent_page_id={pk}",
            f"/admin/auswahl/arbeitskreise/chosen/{pk}/",
        ]
    for revision in Revision.objects.filter(object_id__in=[str(pk) for pk in page_ids]):
        pk = revision.object_id
        urls += [
            f"/admin/pages/{pk}/revisions/{revision.pk}/view/",
            f"/admin/pages/{pk}/revisions/{revision.pk}/revert/",
        ]
    draft = secrets.draft_paper_id
    urls += [
        f"/admin/pages/{draft}/revisions/{secrets.draft_revision_id}/view/",
        f"/admin/pages/{draft}/revisions/{secrets.draft_revision_id}/revert/",
        f"/admin/pages/{draft}/revisions/compare/live...{secrets.draft_revision_id}/",
    ]
    for pk in secrets.document_ids.values():
        urls += [
            f"/admin/documents/edit/{pk}/",
            f"/admin/documents/delete/{pk}/",
            f"/admin/documents/usage/{pk}/",
            f"/admin/documents/chooser/{pk}/",
            f"/admin/api/main/documents/{pk}/",
        ]
    return urls


@dataclass
class Crawl:
    """What one logged-in person saw while following every admin link."""

    visited: dict[str, int] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    truncated: bool = False

    @property
    def errors(self) -> list[str]:
        return [f"{url}: {status}" for url, status in self.visited.items() if status >= 500]

    @property
    def ok_pages(self) -> int:
        return sum(1 for status in self.visited.values() if status == 200)


def _links(body: str) -> list[str]:
    found = []
    for match in URL_IN_BODY.finditer(html.unescape(body.replace("\\/", "/"))):
        url = match.group(1).replace("http://testserver", "").split("#", 1)[0]
        # ?next= only says where to go after a form is sent; the page is the same.
        found.append(NEXT_PARAMETER.sub("", url).replace("/&", "/?", 1))
    return found


def crawl(client, seeds: list[str], limit: int = CRAWL_LIMIT) -> Crawl:
    """GET every seed, then follow /admin/ links breadth-first (GET only, no form is sent)."""
    result = Crawl()
    client.raise_request_exception = False
    queue = deque(seeds)
    queued = set(seeds)
    variants = Counter()
    while queue:
        if len(result.visited) >= limit:
            result.truncated = True
            break
        url = queue.popleft()
        response = client.get(url)
        result.visited[url] = response.status_code
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content).decode("utf-8", "replace")
        else:
            body = response.content.decode("utf-8", "replace")
        result.bodies[url] = body
        if response.status_code in (301, 302):
            body = f'"{response["Location"]}"'
        elif not any(kind in response.get("Content-Type", "") for kind in ("html", "json", "csv")):
            continue
        for link in _links(body):
            if link in queued or SKIPPED.search(link):
                continue
            if "?" in link:
                path = urlsplit(link).path
                if variants[path] >= VARIANTS_PER_PATH:
                    continue
                variants[path] += 1
            queued.add(link)
            queue.append(link)
    return result


def _number(pk: int) -> re.Pattern:
    return re.compile(rf"(?<!\d){pk}(?!\d)")


def leaks(result: Crawl, secrets: Secrets) -> list[str]:
    """Markers and secret ids in any response; a URL naming a secret id must not answer 200.

    A response may echo the ids of its own URL (links to the next page of results,
    hidden form fields); those are not counted as found in it. Query-string URLs (bulk
    actions, chosen pages) may answer 200 as long as they show nothing.
    """
    found = []
    for url, body in result.bodies.items():
        found += [f"{url}: marker {m}" for m in MARKERS.values() if m in body]
        named = {pk for pk in secrets.ids if _number(pk).search(url)}
        found += [
            f"{url}: id {pk}" for pk in secrets.ids if pk not in named and _number(pk).search(body)
        ]
        if named and urlsplit(url).query == "" and result.visited[url] == 200:
            found.append(f"{url}: answers 200")
    return found


def test_member_of_another_group_finds_nothing_in_the_admin(client, secrets, member_security):
    client.force_login(member_security)
    result = crawl(client, explicit_urls(secrets))
    assert result.errors == []
    assert leaks(result, secrets) == []
    assert not result.truncated
    assert result.ok_pages >= MEMBER_MIN_OK_PAGES, sorted(result.visited)


def test_editor_crawl_finds_every_marker(client, secrets, editor):
    client.force_login(editor)
    seeds = explicit_urls(secrets)
    result = crawl(client, seeds, limit=len(seeds) + EDITOR_EXTRA_PAGES)
    assert result.errors == []
    everything = "\n".join(result.bodies.values())
    assert [m for m in MARKERS.values() if m not in everything] == []
    found_ids = [pk for pk in secrets.ids if _number(pk).search(everything)]
    assert found_ids == secrets.ids


def test_member_still_finds_own_drafts_and_public_pages(client, secrets, member_security):
    """The policy hides other groups' internals, not the public site or the own group."""
    client.force_login(member_security)
    search = client.get("/admin/choose-page/search/?q=Cloud").content.decode()
    # Another group's public paper, under its live title (its pending draft stays hidden).
    assert "Cloud-Strategie" in search
    own = client.get("/admin/choose-page/search/?q=Eigener").content.decode()
    assert "Eigener Entwurf" in own
    listing = client.get("/admin/documents/").content.decode()
    assert "Eigene Liste" in listing
