"""Nothing non-public leaves through the API: one test per leak case per endpoint.

One world holds every case at once (built once per module, rolled back afterwards): a draft
revision of a live page, a never-published page, pages in view-restricted sections (and an
unpublished section), a revision scheduled for the future (on a new and on a live page), a
deleted and an unpublished page. Every secret string contains ``geheim-<case>``; no answer
may contain it, and every count must be the count of public content only.
"""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import (
    AddresseeFactory,
    EventPageFactory,
    MinutesPageFactory,
    OrganisationFactory,
    PositionPaperPageFactory,
    RegulatoryProjectFactory,
    WorkingGroupPageFactory,
)
from workgroups.models import MinutesIndexPage, PaperStatus
from workgroups.services.roles import site_bootstrap, working_group_roles_ensure

CASES = ["draft", "never", "restricted", "scheduled", "deleted", "unpublished"]
# Papers and events that are public in the world below, whatever the case.
VISIBLE_PAPERS = {"papier-alpha", "papier-beta", "papier-gamma", "papier-zeta", "papier-eta"}
VISIBLE_EVENTS = {"treffen-software", "treffen-draft", "treffen-restricted"}
DATENSCHUTZ_PAPERS = {"papier-alpha", "papier-beta", "papier-gamma", "papier-zeta"}
FUTURE = timezone.now() + dt.timedelta(days=5)


def _secret_paper(parent, case, *, publish=True, **fields):
    """A paper whose every visible string and relation carries the case's marker."""
    marker = f"geheim-{case}"
    return PositionPaperPageFactory(
        parent=parent,
        title=f"{marker} Papier",
        slug=marker,
        summary=f"{marker} Zusammenfassung",
        tags=["Datenschutz", f"{marker}-tag"],
        dispatches=[(AddresseeFactory(slug=f"adressat-{case}"), dt.date(2025, 5, 1))],
        regulatory_projects=[RegulatoryProjectFactory(slug=f"vorhaben-{case}")],
        version_label=marker[:20],
        publish=publish,
        **fields,
    )


def _make_secret_revision(page, case, **changes):
    """Change a live page in memory so that its next revision carries the marker."""
    marker = f"geheim-{case}"
    page.title = f"{marker} Titel"
    if hasattr(page, "summary"):
        page.summary = f"{marker} Zusammenfassung"
        page.version_label = marker[:20]
    for name, value in changes.items():
        setattr(page, name, value)
    return page


def _build():
    structure = site_bootstrap(site_name="Testverband")
    group_index = structure["sections"]["arbeitskreise"]
    event_index = structure["sections"]["veranstaltungen"]
    software = WorkingGroupPageFactory(
        parent=group_index, title="Arbeitskreis Software", slug="software"
    )
    security = WorkingGroupPageFactory(
        parent=group_index, title="Arbeitskreis IT-Sicherheit", slug="it-sicherheit"
    )
    for group in (software, security):
        working_group_roles_ensure(working_group=group)
    alpha = PositionPaperPageFactory(
        parent=software, title="Papier Alpha", slug="papier-alpha", tags=["Datenschutz"]
    )
    PositionPaperPageFactory(
        parent=software,
        title="Papier Beta",
        slug="papier-beta",
        tags=["Datenschutz"],
        co_working_groups=[security],
    )
    EventPageFactory(parent=event_index, title="Treffen Software", slug="treffen-software")
    urls = {}

    # draft: a live paper and a live event with a secret draft revision.
    gamma = PositionPaperPageFactory(
        parent=software, title="Papier Gamma", slug="papier-gamma", tags=["Datenschutz"]
    )
    _make_secret_revision(gamma, "draft", status=PaperStatus.SUPERSEDED, superseded_by=alpha)
    gamma.tags.add("geheim-draft-tag")
    gamma.regulatory_projects.add(RegulatoryProjectFactory(slug="vorhaben-draft"))
    # Dispatches are records outside the revisions (signoff app): a draft has none of its
    # own; the addressee exists and must still count no paper.
    AddresseeFactory(slug="adressat-draft")
    gamma.save_revision()
    draft_event = EventPageFactory(parent=event_index, title="Treffen Draft", slug="treffen-draft")
    _make_secret_revision(draft_event, "draft").save_revision()

    # never: never published (the draft row exists, with tags, dispatches and co-authors).
    never = _secret_paper(
        software,
        "never",
        publish=False,
        co_working_groups=[security],
        status=PaperStatus.SUPERSEDED,
        superseded_by=alpha,
    )
    never.save_revision()
    EventPageFactory(
        parent=event_index, title="geheim-never Treffen", slug="geheim-never-event", publish=False
    )
    urls["never"] = [never.url_path]

    # restricted: a password-protected group with a paper, an event of that group, a
    # restricted event and a restricted paper inside a public group.
    hidden_group = WorkingGroupPageFactory(
        parent=group_index, title="geheim-restricted Arbeitskreis", slug="geheim-restricted-ak"
    )
    PageViewRestriction.objects.create(
        page=hidden_group, restriction_type=PageViewRestriction.PASSWORD, password="pw"
    )
    restricted = _secret_paper(hidden_group, "restricted", co_working_groups=[software])
    direct = PositionPaperPageFactory(
        parent=software,
        title="geheim-restricted direkt",
        slug="geheim-restricted-direkt",
        tags=["geheim-restricted-tag"],
    )
    PageViewRestriction.objects.create(page=direct, restriction_type=PageViewRestriction.LOGIN)
    member = OrganisationFactory(name="Restricted GmbH", slug="restricted-gmbh")
    member.working_groups.set([hidden_group])
    member.save()
    EventPageFactory(
        parent=event_index,
        title="Treffen Restricted",
        slug="treffen-restricted",
        working_group=hidden_group,
    )
    hidden_event = EventPageFactory(
        parent=event_index, title="geheim-restricted Treffen", slug="geheim-restricted-event"
    )
    PageViewRestriction.objects.create(
        page=hidden_event, restriction_type=PageViewRestriction.LOGIN
    )
    urls["restricted"] = [
        restricted.url_path,
        direct.url_path,
        hidden_group.url_path,
        hidden_event.url_path,
    ]

    # scheduled: a new paper scheduled for the future; a live paper and event with a
    # scheduled secret revision.
    scheduled = _secret_paper(software, "scheduled", publish=False)
    scheduled.go_live_at = FUTURE
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live
    zeta = PositionPaperPageFactory(
        parent=software, title="Papier Zeta", slug="papier-zeta", tags=["Datenschutz"]
    )
    _make_secret_revision(zeta, "scheduled", go_live_at=FUTURE).save_revision().publish()
    scheduled_event = EventPageFactory(
        parent=event_index,
        title="geheim-scheduled Treffen",
        slug="geheim-scheduled-event",
        publish=False,
    )
    scheduled_event.go_live_at = FUTURE
    scheduled_event.save_revision().publish()
    urls["scheduled"] = [scheduled.url_path, scheduled_event.url_path]

    # deleted: published, then deleted.
    deleted = _secret_paper(software, "deleted", co_working_groups=[security])
    deleted_event = EventPageFactory(
        parent=event_index, title="geheim-deleted Treffen", slug="geheim-deleted-event"
    )
    urls["deleted"] = [deleted.url_path, deleted_event.url_path]
    deleted.delete()
    deleted_event.delete()

    # unpublished: a paper (that a public paper still names as its successor), an event,
    # and a whole working group with its paper.
    unpublished = _secret_paper(software, "unpublished", co_working_groups=[security])
    PositionPaperPageFactory(
        parent=software,
        title="Papier Eta",
        slug="papier-eta",
        status=PaperStatus.SUPERSEDED,
        superseded_by=unpublished,
    )
    unpublished.unpublish()
    unpublished_event = EventPageFactory(
        parent=event_index, title="geheim-unpublished Treffen", slug="geheim-unpublished-event"
    )
    unpublished_event.unpublish()
    gone_group = WorkingGroupPageFactory(
        parent=group_index, title="geheim-unpublished Arbeitskreis", slug="geheim-unpublished-ak"
    )
    orphan = PositionPaperPageFactory(
        parent=gone_group,
        title="geheim-unpublished Waise",
        slug="geheim-unpublished-waise",
        tags=["geheim-unpublished-tag"],
    )
    gone_group.unpublish()
    urls["unpublished"] = [
        unpublished.url_path,
        unpublished_event.url_path,
        gone_group.url_path,
        orphan.url_path,
    ]

    # Minutes are always private.
    minutes_index = MinutesIndexPage.objects.child_of(software).get()
    minutes = MinutesPageFactory(parent=minutes_index, title="geheim-minutes Sitzung")
    urls["minutes"] = [minutes_index.url_path, minutes.url_path]
    urls["draft"] = []
    return SimpleNamespace(urls=urls, root_url_path=structure["home"].url_path)


@pytest.fixture(scope="module")
def leak_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def api(leak_world, db, client):
    def get(url, status=200):
        response = client.get(url)
        assert response.status_code == status, (url, response.status_code, response.content[:300])
        return response

    return get


def assert_clean(response, case):
    assert f"geheim-{case}" not in response.content.decode().lower()


def slugs(response):
    return {item["slug"] for item in response.json()["results"]}


ALL_STATUSES = "status=aktuell&status=ueberholt&status=zurueckgezogen"


@pytest.mark.parametrize("case", CASES)
def test_papers_list(api, case):
    response = api(f"/api/v1/papers/?page_size=100&{ALL_STATUSES}")
    assert_clean(response, case)
    assert slugs(response) == VISIBLE_PAPERS
    assert response.json()["count"] == len(VISIBLE_PAPERS)


@pytest.mark.parametrize("case", CASES)
def test_papers_list_filters(api, case):
    for query in (
        f"tag=geheim-{case}-tag",
        f"addressee=adressat-{case}",
        f"regulatory_project=vorhaben-{case}",
        f"working_group=geheim-{case}-ak",
    ):
        response = api(f"/api/v1/papers/?{query}&{ALL_STATUSES}")
        assert response.json()["count"] == 0, query


@pytest.mark.parametrize("case", CASES)
def test_paper_detail(api, case, leak_world):
    if case == "draft":
        response = api("/api/v1/papers/papier-gamma/")
        assert response.json()["title"] == "Papier Gamma"
        assert response.json()["status"]["value"] == "aktuell"
        assert response.json()["superseded_by"] is None
        assert_clean(response, case)
    elif case == "scheduled":
        response = api("/api/v1/papers/papier-zeta/")
        assert response.json()["title"] == "Papier Zeta"
        assert_clean(response, case)
    for slug in (f"geheim-{case}", f"geheim-{case}-direkt", f"geheim-{case}-waise"):
        api(f"/api/v1/papers/{slug}/", status=404)


@pytest.mark.parametrize("case", CASES)
def test_related_and_successor_lists(api, case):
    alpha = api("/api/v1/papers/papier-alpha/")
    assert_clean(alpha, case)
    assert alpha.json()["supersedes"] == []
    assert {paper["slug"] for paper in alpha.json()["related"]} <= VISIBLE_PAPERS - {"papier-alpha"}
    eta = api("/api/v1/papers/papier-eta/")
    assert_clean(eta, case)
    assert eta.json()["superseded_by"] is None


@pytest.mark.parametrize("case", CASES)
def test_version_history(api, case):
    for slug in VISIBLE_PAPERS:
        response = api(f"/api/v1/papers/{slug}/")
        assert_clean(response, case)
        assert [v["version"] for v in response.json()["versions"]] == ["1.0"], slug


@pytest.mark.parametrize("case", CASES)
def test_tag_counts(api, case):
    response = api("/api/v1/tags/?page_size=100")
    assert_clean(response, case)
    counts = {tag["slug"]: tag["paper_count"] for tag in response.json()["results"]}
    assert counts == {"datenschutz": len(DATENSCHUTZ_PAPERS)}


@pytest.mark.parametrize("case", CASES)
def test_working_group_counts(api, case):
    response = api("/api/v1/working-groups/")
    assert_clean(response, case)
    counts = {group["slug"]: group["paper_count"] for group in response.json()["results"]}
    assert counts == {"software": len(VISIBLE_PAPERS), "it-sicherheit": 1}


@pytest.mark.parametrize("case", CASES)
def test_working_group_detail(api, case):
    response = api("/api/v1/working-groups/software/")
    assert_clean(response, case)
    assert response.json()["paper_count"] == len(VISIBLE_PAPERS)
    events = {event["slug"] for event in response.json()["upcoming_events"]}
    assert events <= VISIBLE_EVENTS
    api(f"/api/v1/working-groups/geheim-{case}-ak/", status=404)


@pytest.mark.parametrize("case", CASES)
def test_events_list(api, case):
    for query in ("", "?upcoming=true"):
        response = api(f"/api/v1/events/{query}")
        assert_clean(response, case)
        assert slugs(response) == VISIBLE_EVENTS
    restricted_group_event = api("/api/v1/events/treffen-restricted/").json()
    assert restricted_group_event["working_group"] is None
    assert api(f"/api/v1/events/?working_group=geheim-{case}-ak").json()["count"] == 0


@pytest.mark.parametrize("case", CASES)
def test_event_detail(api, case):
    if case == "draft":
        response = api("/api/v1/events/treffen-draft/")
        assert response.json()["title"] == "Treffen Draft"
        assert_clean(response, case)
    api(f"/api/v1/events/geheim-{case}-event/", status=404)


@pytest.mark.parametrize("case", CASES)
def test_addressee_counts(api, case):
    response = api("/api/v1/addressees/?page_size=100")
    counts = {item["slug"]: item["paper_count"] for item in response.json()["results"]}
    assert counts[f"adressat-{case}"] == 0


@pytest.mark.parametrize("case", CASES)
def test_regulatory_project_counts(api, case):
    response = api("/api/v1/regulatory-projects/?page_size=100")
    counts = {item["slug"]: item["paper_count"] for item in response.json()["results"]}
    assert counts[f"vorhaben-{case}"] == 0


@pytest.mark.parametrize("case", CASES)
def test_organisations(api, case):
    response = api("/api/v1/organisations/?page_size=100")
    assert_clean(response, case)
    groups = {item["slug"]: item["working_groups"] for item in response.json()["results"]}
    assert groups["restricted-gmbh"] == []


@pytest.mark.parametrize("case", [*CASES, "minutes"])
def test_by_path(api, case, leak_world):
    root = leak_world.root_url_path
    for url_path in leak_world.urls[case]:
        path = "/" + url_path[len(root) :]
        api(f"/api/v1/pages/by-path/?path={path}", status=404)
    if case == "draft":
        response = api("/api/v1/pages/by-path/?path=/arbeitskreise/software/papier-gamma/")
        assert response.json()["title"] == "Papier Gamma"
        assert_clean(response, case)


@pytest.mark.parametrize("case", [*CASES, "minutes"])
def test_feed(api, case):
    response = api("/feeds/papers.atom")
    assert_clean(response, case)
    assert response.content.decode().count("<entry>") == len(VISIBLE_PAPERS)
    assert api(f"/feeds/papers.atom?tag=geheim-{case}-tag").content.decode().count("<entry>") == 0


def test_minutes_never_appear(api):
    for url in (
        "/api/v1/papers/?page_size=100",
        "/api/v1/working-groups/software/",
        "/api/v1/events/",
        "/api/v1/tags/?page_size=100",
        "/feeds/papers.atom",
    ):
        assert_clean(api(url), "minutes")
