"""Generated PDFs: rendered on publication, kept per version, an upload wins, never a draft's."""

import io

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Collection

from printing.models import PaperPrint
from printing.services import prints_render_due
from tests.conftest import DATABASE_TASKS
from tests.factories import PositionPaperPageFactory
from workgroups.services.pdf import simple_pdf

from .conftest import DEMANDS, KEY_DEMANDS, fetch, paper_body, pdf_text

pytestmark = pytest.mark.django_db


def _paper(parent, **fields):
    values = {
        "title": "Cybersicherheit im Mittelstand stärken",
        "slug": "cybersicherheit-mittelstand",
        "key_demands": KEY_DEMANDS,
        "body": paper_body(),
        "contact_name": "Erika Muster",
        "contact_email": "erika@example.org",
        **fields,
    }
    return PositionPaperPageFactory(parent=parent, **values)


def _detail(client, slug):
    response = client.get(f"/api/v1/papers/{slug}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_publishing_renders_a_pdf_with_title_every_demand_citation_and_contact(
    printing_on, client, group_software
):
    paper = _paper(group_software)
    record = PaperPrint.objects.get(page=paper)
    assert record.revision_id == paper.live_revision_id
    assert record.version_label == "1.0"

    url = _detail(client, paper.slug)["pdf_url"]
    assert url and f"/documents/papers/{record.pk}/" in url
    response = fetch(client, url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    text = pdf_text(data)
    assert paper.title in text
    assert "Auf einen Blick" in text and paper.verdict in text
    for demand in KEY_DEMANDS:
        assert demand in text
    for demand in DEMANDS:
        assert demand["proposed_change"] in text
        assert demand["reference"] in text
    assert paper.citation_id in text
    assert "Erika Muster" in text


def test_the_pdf_is_tagged_german_and_embeds_its_fonts(printing_on, group_software):
    paper = _paper(group_software)
    reader = PdfReader(io.BytesIO(PaperPrint.objects.get(page=paper).file.read()))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]).startswith("de")
    assert reader.metadata.title == paper.title
    fonts = [
        font.get_object()["/FontDescriptor"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        if "/FontDescriptor" in font.get_object()
    ] + [
        descendant.get_object()["/FontDescriptor"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        for descendant in font.get_object().get("/DescendantFonts", [])
    ]
    assert fonts and all("/FontFile2" in descriptor for descriptor in fonts)
    # Only the bundled face (named after its @font-face family), no system fallback.
    assert all("+Verband" in str(descriptor["/FontName"]) for descriptor in fonts)


def test_each_published_version_keeps_its_pdf_and_the_api_links_the_current(
    printing_on, client, group_software
):
    paper = _paper(group_software)
    first = PaperPrint.objects.get(page=paper)
    paper.title = "Cybersicherheit im Mittelstand stärken – überarbeitet"
    paper.version_label = "1.1"
    paper.save_revision().publish()
    paper.refresh_from_db()

    prints = PaperPrint.objects.filter(page=paper).order_by("pk")
    assert [p.version_label for p in prints] == ["1.0", "1.1"]
    second = prints.last()
    assert second.revision_id == paper.live_revision_id
    url = _detail(client, paper.slug)["pdf_url"]
    assert f"/documents/papers/{second.pk}/" in url
    assert "überarbeitet" in pdf_text(b"".join(fetch(client, url).streaming_content))
    # The first version's file is kept, but only the current version is served.
    assert first.file.storage.exists(first.file.name)
    assert "überarbeitet" not in pdf_text(first.file.open("rb").read())
    old = client.get(f"/documents/papers/{first.pk}/{first.file.name.rsplit('/', 1)[-1]}")
    assert old.status_code == 404


def test_an_uploaded_pdf_wins_and_none_is_generated(printing_on, client, group_software):
    upload = get_document_model()(title="Hochgeladen", collection=Collection.get_first_root_node())
    upload.file.save(
        "hochgeladen.pdf", ContentFile(simple_pdf(title="Hochgeladen", paragraphs=["x"])), False
    )
    upload.save()
    paper = _paper(group_software, pdf=upload)
    assert not PaperPrint.objects.filter(page=paper).exists()
    url = _detail(client, paper.slug)["pdf_url"]
    assert f"/documents/{upload.pk}/hochgeladen" in url


def test_a_draft_gets_no_pdf_and_an_unpublished_papers_pdf_is_gone(
    printing_on, client, group_software
):
    draft = _paper(group_software, slug="nur-entwurf", title="Nur ein Entwurf", publish=False)
    draft.save_revision()
    assert prints_render_due() == 0
    assert not PaperPrint.objects.filter(page=draft).exists()

    paper = _paper(group_software)
    record = PaperPrint.objects.get(page=paper)
    path = f"/documents/papers/{record.pk}/{record.file.name.rsplit('/', 1)[-1]}"
    assert client.get(path).status_code == 200

    # A newer draft of a public paper is not printed; the live version's PDF stays.
    paper.title = "Geheimer Entwurfstitel"
    paper.save_revision()
    assert prints_render_due() == 0
    assert PaperPrint.objects.filter(page=paper).count() == 1
    assert "Geheimer" not in pdf_text(b"".join(client.get(path).streaming_content))

    paper.unpublish()
    assert client.get(path).status_code == 404
    assert client.get(f"/api/v1/papers/{paper.slug}/").status_code == 404


def test_publication_enqueues_one_render_for_the_worker(printing_on, group_software):
    from django_tasks_db.models import DBTaskResult

    printing_on.TASKS = DATABASE_TASKS
    paper = _paper(group_software)
    _paper(group_software, slug="zweites-papier", title="Zweites Papier")
    waiting = DBTaskResult.objects.filter(task_path="printing.tasks.prints_render")
    assert waiting.count() == 1  # one waiting run covers both publishes
    assert not PaperPrint.objects.exists()
    assert prints_render_due() == 2
    assert PaperPrint.objects.get(page=paper).revision_id == paper.live_revision_id
    assert prints_render_due() == 0  # idempotent


def test_printing_switched_off_renders_nothing(client, group_software):
    paper = _paper(group_software)
    assert not PaperPrint.objects.exists()
    assert _detail(client, paper.slug)["pdf_url"] is None


def test_pdfs_have_their_own_worker_and_render_a_backlog_newest_first(
    printing_on, group_software, monkeypatch
):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from printing import tasks

    printing_on.TASKS = DATABASE_TASKS
    monkeypatch.setattr(tasks, "SECONDS_PER_RUN", 0)  # one paper per run
    # The worker's housekeeping would close this test's open transaction on PostgreSQL.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    papers = [_paper(group_software, slug=f"papier-{n}", title=f"Papier {n}") for n in range(3)]
    runs = DBTaskResult.objects.filter(task_path="printing.tasks.prints_render")
    others = DBTaskResult.objects.exclude(task_path="printing.tasks.prints_render")
    assert runs.count() == 1 and runs.get().queue_name == "print"
    assert others.exists() and not others.filter(queue_name="print").exists()

    # The main worker (index updates, e-mails) never picks up a PDF run …
    call_command("db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")
    assert {run.status for run in others.all()} == {"SUCCESSFUL"}
    assert runs.get().status == "READY" and not PaperPrint.objects.exists()

    # … the PDF worker does, one paper per run, the newest first.
    call_command(
        "db_worker", "--queue-name", "print", "--batch", "--no-startup-delay", "--verbosity", "0"
    )
    assert runs.count() == 3 and {run.status for run in runs} == {"SUCCESSFUL"}, [
        (r.status, r.traceback, r.args_kwargs) for r in runs
    ]
    rendered = PaperPrint.objects.order_by("pk").values_list("page_id", flat=True)
    assert list(rendered) == [paper.pk for paper in reversed(papers)]
