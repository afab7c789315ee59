"""Build the demo site from workgroups/demo/ in small named steps, validated first, atomically.

``DEMO_STEPS`` run in order inside one transaction; each loads one part of the content
idempotently (what exists stays untouched). A later capability appends its own step.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Collection

from impact.demo import impact_demo
from membership.demo import membership_demo_load
from review.demo import review_demo_load
from sharing.demo import share_links_demo_load
from signoff.demo import signoff_demo
from workgroups.demo.validation import DemoContentError, demo_content_validate
from workgroups.models import (
    Addressee,
    EventIndexPage,
    EventPage,
    MinutesIndexPage,
    MinutesPage,
    Organisation,
    PaperDispatch,
    PaperKeyDemand,
    PaperStatus,
    PositionPaperPage,
    RegulatoryProject,
    WorkingGroupChair,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)
from workgroups.services.pages import page_publish
from workgroups.services.pdf import simple_pdf
from workgroups.services.roles import (
    PUBLICATIONS_COLLECTION_NAME,
    editors_group_ensure,
    site_bootstrap,
)


@dataclass
class DemoLoad:
    """What the steps of one load share: the content, the objects by section and key, counts."""

    data: dict
    with_users: bool
    progress: Callable[[Iterable, str], Iterable]
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    created: Counter = field(default_factory=Counter)

    def items(self, section: str, label: str) -> Iterable[dict]:
        return self.progress(self.data.get(section) or [], label)

    def of(self, section: str) -> dict[str, Any]:
        """The loaded objects of a section by their key (filled by its step)."""
        return self.objects.setdefault(section, {})


@dataclass(frozen=True)
class DemoStep:
    """One named loading step; a later capability appends its own to DEMO_STEPS."""

    name: str
    run: Callable[[DemoLoad], None]


def _upsert(model, slug: str, values: dict):
    instance = model.objects.filter(slug=slug).first() or model(slug=slug)
    changed = instance.pk is None or any(getattr(instance, k) != v for k, v in values.items())
    if changed:
        for key, value in values.items():
            setattr(instance, key, value)
        instance.full_clean()
        instance.save()
    return instance


def _tags(items: list) -> list[Tag]:
    tags = []
    for item in items:
        name, slug = (item["label"], item["slug"]) if isinstance(item, dict) else (item, None)
        tag = Tag.objects.filter(name=name).first()
        if tag is None:
            tag = Tag(name=name)
            if slug:
                tag.slug = slug
            tag.save()
        tags.append(tag)
    return tags


def _body(blocks: list[dict]) -> list[dict]:
    return [{"type": block["type"], "value": block["value"]} for block in blocks]


def _site(load: DemoLoad) -> None:
    site = load.data.get("site", {})
    home = site_bootstrap(site_name=site.get("name"))["home"]
    if site.get("intro") and not home.intro:
        home.intro = site["intro"]
        page_publish(page=home)


def _addressees(load: DemoLoad) -> None:
    for a in load.items("addressees", _("Adressaten")):
        load.of("addressees")[a["slug"]] = _upsert(
            Addressee,
            a["slug"],
            {
                "name": a["name"],
                "short_name": a.get("short_name", ""),
                "level": a["level"],
                "state": a.get("state", ""),
            },
        )


def _regulatory_projects(load: DemoLoad) -> None:
    for p in load.items("regulatory_projects", _("Regelungsvorhaben")):
        deadline = p.get("consultation_deadline")
        load.of("regulatory_projects")[p["slug"]] = _upsert(
            RegulatoryProject,
            p["slug"],
            {
                "title": p["title"],
                "short_title": p.get("short_title", ""),
                "kind": p["kind"],
                "level": p["level"],
                "responsible": p.get("responsible", ""),
                "lobbyregister_number": p.get("lobbyregister_number", ""),
                "drucksache": p.get("drucksache", ""),
                "link": p.get("link", ""),
                "consultation_deadline": dt.date.fromisoformat(deadline) if deadline else None,
                "description": p.get("description", ""),
            },
        )


def _organisations(load: DemoLoad) -> None:
    for o in load.items("organisations", _("Unternehmen")):
        load.of("organisations")[o["slug"]] = _upsert(
            Organisation,
            o["slug"],
            {
                "name": o["name"],
                "city": o["city"],
                "state": o["state"],
                "size_class": o.get("size_class", ""),
                "sectors": o.get("sectors", ""),
                "website": o.get("website", ""),
            },
        )


def _working_groups(load: DemoLoad) -> None:
    group_index = WorkingGroupIndexPage.objects.get()
    orgs = load.of("organisations")
    for item in load.items("working_groups", _("Arbeitskreise")):
        group = WorkingGroupPage.objects.child_of(group_index).filter(slug=item["slug"]).first()
        if group is None:
            group = WorkingGroupPage(
                title=item["name"],
                slug=item["slug"],
                live=False,
                short_description=item["short_description"],
                mission=f"<p>{item['mission']}</p>",
                meeting_rhythm=item.get("meeting_rhythm", ""),
                contact_name=item.get("contact", {}).get("name", ""),
                contact_email=item.get("contact", {}).get("email", ""),
            )
            group.topics.set(_tags(item.get("topics", [])))
            group.chairs = [
                WorkingGroupChair(
                    name=c["name"],
                    role=c.get("role", "Sprecher/in"),
                    organisation=orgs.get(c.get("organisation")),
                )
                for c in item.get("chairs", [])
            ]
            group_index.add_child(instance=group)
            page_publish(page=group)
            load.created["pages"] += 1
        load.of("working_groups")[item["slug"]] = group


def _memberships(load: DemoLoad) -> None:
    groups = load.of("working_groups")
    for item in load.data.get("organisations") or []:
        org = load.of("organisations")[item["slug"]]
        wanted = [groups[slug] for slug in item.get("working_groups", [])]
        if set(org.working_groups.values_list("pk", flat=True)) != {g.pk for g in wanted}:
            org.working_groups.set(wanted)
            org.save()


def _roles(load: DemoLoad) -> None:
    # Member and chair groups, private areas and review workflows of the new groups.
    site_bootstrap(site_name=load.data.get("site", {}).get("name"))


def _paper_pdf(item: dict):
    publications = (
        Collection.get_first_root_node().get_children().get(name=PUBLICATIONS_COLLECTION_NAME)
    )
    document = get_document_model()(title=f"{item['title']} (PDF)", collection=publications)
    pdf = simple_pdf(title=item["title"], paragraphs=[item.get("subtitle", ""), item["summary"]])
    document.file.save(f"{item['slug']}.pdf", ContentFile(pdf), save=False)
    document.save()
    return document


def _paper(load: DemoLoad, item: dict) -> PositionPaperPage:
    groups, papers = load.of("working_groups"), load.of("papers")
    successor = item.get("superseded_by")
    paper = PositionPaperPage(
        title=item["title"],
        slug=item["slug"],
        live=False,
        subtitle=item.get("subtitle", ""),
        summary=item["summary"],
        verdict=item["verdict"],
        body=_body(item.get("body", [])),
        paper_type=item["paper_type"],
        publication_date=dt.date.fromisoformat(item["publication_date"]),
        version_label=item.get("version", "1.0"),
        citation_id=item.get("citation_id", ""),
        status=item.get("status", PaperStatus.CURRENT),
        superseded_by=papers.get(successor)
        or PositionPaperPage.objects.filter(slug=successor or "-").first(),
        contact_name=item.get("contact", {}).get("name", ""),
        contact_role=item.get("contact", {}).get("role", ""),
        contact_email=item.get("contact", {}).get("email", ""),
    )
    paper.tags.set(_tags(item.get("tags", [])))
    paper.co_working_groups.set([groups[slug] for slug in item["working_groups"][1:]])
    paper.signatories.set([load.of("organisations")[slug] for slug in item.get("signatories", [])])
    paper.regulatory_projects.set(
        [load.of("regulatory_projects")[slug] for slug in item.get("regulatory_projects", [])]
    )
    paper.key_demands = [PaperKeyDemand(text=text) for text in item.get("key_demands", [])]
    if item.get("pdf"):
        paper.pdf = _paper_pdf(item)
    return paper


def _papers(load: DemoLoad) -> None:
    # Successors first, so "ersetzt durch" can point at a page that already exists.
    ordered = sorted(
        load.data.get("papers") or [],
        key=lambda p: (p.get("superseded_by") is not None, p["publication_date"]),
    )
    for item in load.progress(ordered, _("Papiere")):
        paper = PositionPaperPage.objects.filter(slug=item["slug"]).first()
        if paper is None:
            paper = _paper(load, item)
            # The first working group is the lead: the paper is filed under it.
            load.of("working_groups")[item["working_groups"][0]].add_child(instance=paper)
            # Dispatches are records of their own, not part of the paper's revisions.
            PaperDispatch.objects.bulk_create(
                PaperDispatch(
                    page=paper,
                    addressee=load.of("addressees")[d["addressee"]],
                    sent_on=dt.date.fromisoformat(d["sent_on"]),
                    note=d.get("note", ""),
                    sort_order=order,
                )
                for order, d in enumerate(item.get("dispatches", []))
            )
            page_publish(page=paper)
            load.created["pages"] += 1
        load.of("papers")[item["slug"]] = paper


def _events(load: DemoLoad) -> None:
    event_index = EventIndexPage.objects.get()
    groups = load.of("working_groups")
    for item in load.items("events", _("Veranstaltungen")):
        if EventPage.objects.filter(slug=item["slug"]).exists():
            continue
        event = EventPage(
            title=item["title"],
            slug=item["slug"],
            live=False,
            event_type=item["type"],
            starts_at=dt.datetime.fromisoformat(item["starts_at"]),
            ends_at=dt.datetime.fromisoformat(item["ends_at"]) if item.get("ends_at") else None,
            location=item.get("location", ""),
            working_group=groups.get(item.get("working_group")),
            description=item.get("description", ""),
        )
        event_index.add_child(instance=event)
        page_publish(page=event)
        load.created["pages"] += 1


def _minutes(load: DemoLoad) -> None:
    groups = load.of("working_groups")
    for item in load.items("minutes", _("Protokolle")):
        minutes_index = MinutesIndexPage.objects.child_of(groups[item["working_group"]]).get()
        if MinutesPage.objects.child_of(minutes_index).filter(slug=item["slug"]).exists():
            continue
        minutes = MinutesPage(
            title=item["title"],
            slug=item["slug"],
            live=False,
            meeting_date=dt.date.fromisoformat(item["meeting_date"]),
            attendees=item.get("attendees", ""),
            body=_body(item.get("body", [])),
        )
        minutes_index.add_child(instance=minutes)
        page_publish(page=minutes)
        load.created["pages"] += 1


def _users(load: DemoLoad) -> None:
    if not load.with_users:
        return
    User = get_user_model()
    editors = editors_group_ensure()
    groups = load.of("working_groups")
    for item in load.items("users", _("Benutzer")):
        if User.objects.filter(username=item["username"]).exists():
            continue
        user = User(
            username=item["username"],
            email=item.get("email", ""),
            first_name=item.get("first_name", ""),
            last_name=item.get("last_name", ""),
            is_staff=item["role"] == "admin",
            is_superuser=item["role"] == "admin",
        )
        user.set_password(item["password"])
        user.save()
        if item["role"] == "editor":
            user.groups.add(editors)
        elif item["role"] in ("chair", "member"):
            access = groups[item["working_group"]].access
            user.groups.add(access.chairs if item["role"] == "chair" else access.members)
        load.created["users"] += 1


DEMO_STEPS: list[DemoStep] = [
    DemoStep("site", _site),
    DemoStep("addressees", _addressees),
    DemoStep("regulatory_projects", _regulatory_projects),
    DemoStep("organisations", _organisations),
    DemoStep("working_groups", _working_groups),
    DemoStep("memberships", _memberships),
    DemoStep("roles", _roles),
    DemoStep("papers", _papers),
    DemoStep("events", _events),
    DemoStep("minutes", _minutes),
    DemoStep("users", _users),
    DemoStep("impact", impact_demo),
    DemoStep("membership", membership_demo_load),
    DemoStep("signoff", signoff_demo),
    DemoStep("share_links", share_links_demo_load),
    DemoStep("joint_review", review_demo_load),
]


def demo_content_load(
    *,
    data: dict,
    with_users: bool = True,
    progress: Callable[[Iterable, str], Iterable] | None = None,
) -> dict:
    """Validate, then run every step in one transaction; existing objects stay untouched.

    ``progress(items, label)`` may wrap the items of each step (a progress bar).
    """
    problems = demo_content_validate(data)
    if problems:
        raise DemoContentError(problems)
    load = DemoLoad(
        data=data, with_users=with_users, progress=progress or (lambda items, label: items)
    )
    try:
        with transaction.atomic():
            for step in DEMO_STEPS:
                step.run(load)
    except ValidationError as exc:
        messages = (
            [f"{field}: {' '.join(errs)}" for field, errs in exc.message_dict.items()]
            if hasattr(exc, "error_dict")
            else exc.messages
        )
        raise DemoContentError(
            [_("Ungültiger Inhalt, nichts wurde gespeichert:"), *messages]
        ) from exc
    return {
        "pages": load.created["pages"],
        "users": load.created["users"],
        "share_links": list(load.of("share_links").values()),
    }
