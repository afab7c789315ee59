"""Documents: public only while a public page uses them or editors released them; 404 otherwise."""

import re
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import rich_text, streamfield

from tests.factories import PositionPaperPageFactory
from workgroups.access.public import RELEASED_COLLECTION_NAME
from workgroups.models import PositionPaperPage
from workgroups.services.pdf import simple_pdf
from workgroups.services.roles import PUBLICATIONS_COLLECTION_NAME

from .test_workflow import paper_form_data

pytestmark = pytest.mark.django_db

Document = get_document_model()
HREF = re.compile(r'href="([^"]+)"')


def _collection(name: str) -> Collection:
    return Collection.get_first_root_node().get_children().get(name=name)


def _document(name: str, collection: Collection, uploaded_by=None):
    document = Document(title=name, collection=collection, uploaded_by_user=uploaded_by)
    document.file.save(
        f"{name}.pdf", ContentFile(simple_pdf(title=name, paragraphs=["Text."])), save=False
    )
    document.save()
    return document


def _link(document) -> str:
    return f'<p>Siehe <a linktype="document" id="{document.pk}">Anlage</a>.</p>'


@pytest.fixture
def files(group_software, member_software):
    """One document for every way a file can be (not) public."""
    cache.clear()
    publications = _collection(PUBLICATIONS_COLLECTION_NAME)
    internal = group_software.access.collection
    f = SimpleNamespace(
        public_pdf=_document("oeffentliches-pdf", publications, member_software),
        linked=_document("verlinkte-anlage", publications, member_software),
        draft_pdf=_document("entwurfs-pdf", publications, member_software),
        draft_linked=_document("entwurfs-anlage", publications, member_software),
        pending_pdf=_document("kuenftiges-pdf", publications, member_software),
        internal=_document("interne-liste", internal, member_software),
        internal_pdf=_document("internes-pdf", internal, member_software),
        released=_document("freigegeben", _collection(RELEASED_COLLECTION_NAME)),
        unused=_document("unbenutzt", publications, member_software),
    )
    f.public_paper = PositionPaperPageFactory(
        parent=group_software,
        slug="oeffentlich",
        pdf=f.public_pdf,
        body=[{"type": "paragraph", "value": _link(f.linked)}],
    )
    PositionPaperPageFactory(
        parent=group_software,
        slug="entwurf",
        pdf=f.draft_pdf,
        body=[{"type": "paragraph", "value": _link(f.draft_linked)}],
        publish=False,
    )
    pending = PositionPaperPageFactory(parent=group_software, slug="mit-neuem-entwurf")
    pending.pdf = f.pending_pdf
    pending.save_revision()
    # A public paper whose PDF lies in the group's private collection: the file stays private.
    PositionPaperPageFactory(parent=group_software, slug="internes-pdf", pdf=f.internal_pdf)
    return f


def _anonymous_status(client, document) -> int:
    client.logout()
    return client.get(document.url).status_code


@pytest.mark.parametrize(
    "name,status",
    [
        ("public_pdf", 200),
        ("linked", 200),
        ("released", 200),
        ("draft_pdf", 404),
        ("draft_linked", 404),
        ("pending_pdf", 404),
        ("internal", 404),
        ("internal_pdf", 404),
        ("unused", 404),
    ],
)
def test_anonymous_download_only_of_public_documents(client, files, name, status):
    assert _anonymous_status(client, getattr(files, name)) == status


def test_unknown_document_and_wrong_file_name_are_404(client, files):
    assert client.get(f"/documents/{files.unused.pk + 1000}/x.pdf").status_code == 404
    assert client.get(f"/documents/{files.public_pdf.pk}/anders.pdf").status_code == 404


@pytest.mark.parametrize(
    "who,status",
    [
        ("member_software", 200),
        ("chair_software", 200),
        ("editor", 200),
        ("member_security", 404),
        ("outsider", 404),
    ],
)
@pytest.mark.parametrize("name", ["draft_pdf", "internal"])
def test_logged_in_download_needs_rights_on_the_document(client, request, files, who, status, name):
    client.force_login(request.getfixturevalue(who))
    response = client.get(getattr(files, name).url)
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_unpublishing_the_paper_takes_its_files_offline(client, files):
    assert _anonymous_status(client, files.public_pdf) == 200
    files.public_paper.unpublish()
    assert _anonymous_status(client, files.public_pdf) == 404
    assert _anonymous_status(client, files.linked) == 404


def test_a_page_in_a_private_section_does_not_publish_its_files(client, files, group_software):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=group_software, restriction_type="login")
    assert _anonymous_status(client, files.public_pdf) == 404


def _api_document_urls(client) -> set[str]:
    urls = set()
    listing = client.get("/api/v1/papers/?page_size=100").json()
    for paper in listing["results"]:
        if paper["pdf_url"]:
            urls.add(paper["pdf_url"])
        detail = client.get(f"/api/v1/papers/{paper['slug']}/").json()
        if detail["pdf_url"]:
            urls.add(detail["pdf_url"])
        for block in detail["body"]:
            if isinstance(block["value"], str):
                urls |= {href for href in HREF.findall(block["value"]) if "/documents/" in href}
    return urls


def test_every_document_url_the_api_gives_out_is_served_and_no_other(client, files, settings):
    given = _api_document_urls(client)
    paths = {url.removeprefix(settings.PUBLIC_BACKEND_URL) for url in given}
    assert paths == {files.public_pdf.url, files.linked.url}
    for path in paths:
        assert client.get(path).status_code == 200, path
    for document in Document.objects.exclude(collection__name=RELEASED_COLLECTION_NAME):
        if document.url not in paths:
            assert client.get(document.url).status_code == 404, document.title


# Members cannot publish files through the document form or bulk actions.


def _document_form(document, **overrides) -> dict:
    data = {"title": document.title, "collection": document.collection_id, "tags": ""}
    data.update(overrides)
    return data


def test_member_cannot_move_an_internal_document_into_a_public_collection(
    client, files, member_software
):
    publications = _collection(PUBLICATIONS_COLLECTION_NAME)
    client.force_login(member_software)
    url = reverse("wagtaildocs:edit", args=[files.internal.pk])
    assert 'name="collection"' not in client.get(url).content.decode()
    client.post(url, _document_form(files.internal, collection=publications.pk))
    files.internal.refresh_from_db()
    assert files.internal.collection_id == files.internal_pdf.collection_id
    assert _anonymous_status(client, files.internal_pdf) == 404


def test_member_cannot_bulk_move_documents(client, files, member_software):
    publications = _collection(PUBLICATIONS_COLLECTION_NAME)
    client.force_login(member_software)
    url = reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "add_to_collection"])
    client.post(f"{url}?id={files.internal.pk}", {"collection": publications.pk})
    files.internal.refresh_from_db()
    assert files.internal.collection.name != PUBLICATIONS_COLLECTION_NAME


def test_member_cannot_upload_into_the_released_collection(client, files, member_software):
    released = _collection(RELEASED_COLLECTION_NAME)
    client.force_login(member_software)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Selbst freigegeben",
            "collection": released.pk,
            "tags": "",
            "file": SimpleUploadedFile("selbst.pdf", simple_pdf(title="x", paragraphs=["y"])),
        },
    )
    assert response.status_code == 200
    assert not Document.objects.filter(title="Selbst freigegeben").exists()


def test_member_cannot_replace_the_file_of_a_public_document(client, files, member_software):
    client.force_login(member_software)
    before = files.public_pdf.file.name
    response = client.post(
        reverse("wagtaildocs:edit", args=[files.public_pdf.pk]),
        _document_form(
            files.public_pdf,
            file=SimpleUploadedFile("neu.pdf", simple_pdf(title="neu", paragraphs=["z"])),
        ),
    )
    assert response.status_code == 200
    assert "ersetzen kann sie nur die Redaktion" in response.content.decode()
    files.public_pdf.refresh_from_db()
    assert files.public_pdf.file.name == before


def test_member_may_replace_the_file_of_a_draft_document(client, files, member_software):
    client.force_login(member_software)
    response = client.post(
        reverse("wagtaildocs:edit", args=[files.draft_pdf.pk]),
        _document_form(
            files.draft_pdf,
            file=SimpleUploadedFile("neu.pdf", simple_pdf(title="neu", paragraphs=["z"])),
        ),
    )
    assert response.status_code == 302
    files.draft_pdf.refresh_from_db()
    assert "neu" in files.draft_pdf.file.name


def test_editor_releases_a_file_by_moving_it(client, files, editor):
    released = _collection(RELEASED_COLLECTION_NAME)
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:edit", args=[files.unused.pk]),
        _document_form(files.unused, collection=released.pk),
    )
    assert response.status_code == 302
    assert _anonymous_status(client, files.unused) == 200


# Page forms accept only documents and pages the member may see.


def test_member_cannot_attach_another_groups_file_to_own_paper(
    client, files, group_security, member_security
):
    own = PositionPaperPageFactory(parent=group_security, publish=False)
    client.force_login(member_security)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[own.pk]),
        paper_form_data(own, pdf=files.draft_pdf.pk),
    )
    assert response.status_code == 200
    assert "entwurfs-pdf" not in response.content.decode()
    assert PositionPaperPage.objects.get(pk=own.pk).pdf_id is None


@pytest.mark.parametrize("target", ["internal", "hidden_page"])
def test_member_cannot_link_another_groups_internals(
    client, files, group_software, group_security, member_security, target
):
    hidden = PositionPaperPage.objects.get(slug="entwurf")
    own = PositionPaperPageFactory(parent=group_security, publish=False)
    link = (
        _link(files.internal)
        if target == "internal"
        else f'<p><a linktype="page" id="{hidden.pk}">x</a></p>'
    )
    client.force_login(member_security)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[own.pk]),
        paper_form_data(own, body=streamfield([("paragraph", rich_text(link))])),
    )
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert "Bitte den Verweis entfernen" in response.content.decode()
    assert "linktype" not in str(PositionPaperPage.objects.get(pk=own.pk).body.raw_data)


def test_member_may_link_a_public_file_of_another_group(
    client, files, group_security, member_security
):
    own = PositionPaperPageFactory(parent=group_security, publish=False)
    client.force_login(member_security)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[own.pk]),
        paper_form_data(own, body=streamfield([("paragraph", rich_text(_link(files.public_pdf)))])),
    )
    assert response.status_code == 302


def test_usage_of_a_file_counts_only_places_the_member_may_see(
    client, files, group_security, member_software, editor
):
    # Another group's draft links the (public) PDF: its owners must not learn of that draft.
    PositionPaperPageFactory(
        parent=group_security,
        title="Fremder Entwurf mit Verweis",
        body=[{"type": "paragraph", "value": _link(files.public_pdf)}],
        publish=False,
    )
    client.force_login(member_software)
    usage = client.get(reverse("wagtaildocs:document_usage", args=[files.public_pdf.pk]))
    assert usage.status_code == 200
    assert len(usage.context["object_list"]) == 1
    listing = client.get(reverse("wagtaildocs:index") + "?q=oeffentliches")
    counts = {doc.pk: doc.usage_count for doc in listing.context["object_list"]}
    assert counts[files.public_pdf.pk] == 1
    client.force_login(editor)
    usage = client.get(reverse("wagtaildocs:document_usage", args=[files.public_pdf.pk]))
    assert len(usage.context["object_list"]) == 2
