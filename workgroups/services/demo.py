"""Build the demo site from the JSON file in workgroups/demo/ (validated first, loaded atomically)."""

import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Collection

from workgroups.models import (
    Addressee,
    EventIndexPage,
    EventPage,
    EventType,
    Level,
    MinutesIndexPage,
    MinutesPage,
    Organisation,
    PaperDispatch,
    PaperKeyDemand,
    PaperStatus,
    PaperType,
    PositionPaperPage,
    RegulatoryKind,
    RegulatoryProject,
    SizeClass,
    State,
    WorkingGroupChair,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)
from workgroups.services.pdf import simple_pdf
from workgroups.services.roles import (
    PUBLICATIONS_COLLECTION_NAME,
    editors_group_ensure,
    site_bootstrap,
)

DEMO_CONTENT_PATH = Path(__file__).resolve().parent.parent / "demo" / "content.json"
USER_ROLES = {"admin", "editor", "chair", "member"}


class DemoContentError(Exception):
    """The demo file is invalid; ``problems`` lists every problem in German."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def demo_content_read(path: Path = DEMO_CONTENT_PATH) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DemoContentError([_("Datei nicht gefunden: %(path)s") % {"path": path}]) from exc
    except json.JSONDecodeError as exc:
        raise DemoContentError(
            [
                _("Die Datei ist kein gültiges JSON (Zeile %(line)s): %(msg)s")
                % {"line": exc.lineno, "msg": exc.msg}
            ]
        ) from exc


def _date(value, problems, where) -> None:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        problems.append(
            _("%(where)s: „%(value)s“ ist kein Datum (JJJJ-MM-TT).")
            % {"where": where, "value": value}
        )


def _datetime(value, problems, where):
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        problems.append(
            _("%(where)s: „%(value)s“ ist kein Zeitpunkt (ISO 8601).")
            % {"where": where, "value": value}
        )
        return None
    if parsed.tzinfo is None:
        problems.append(
            _("%(where)s: Zeitpunkt „%(value)s“ ohne Zeitzone.") % {"where": where, "value": value}
        )
        return None
    return parsed


def _slugs(items: list[dict], kind: str, problems: list[str]) -> set[str]:
    seen: set[str] = set()
    for item in items:
        slug = item.get("slug")
        if not slug:
            problems.append(
                _("%(kind)s ohne Kurzbezeichnung (slug): %(item)s")
                % {"kind": kind, "item": item.get("title") or item.get("name")}
            )
        elif slug in seen:
            problems.append(
                _("%(kind)s: Kurzbezeichnung „%(slug)s“ ist doppelt.")
                % {"kind": kind, "slug": slug}
            )
        seen.add(slug)
    return seen


def _known(values: Iterable, known: set[str], kind: str, where: str, problems: list[str]) -> None:
    for value in values:
        if value not in known:
            problems.append(
                _("%(where)s: unbekannte(r) %(kind)s „%(value)s“.")
                % {"where": where, "kind": kind, "value": value}
            )


def demo_content_validate(data: dict) -> list[str]:
    """Every problem of the file, in German; an empty list means it can be loaded."""
    problems: list[str] = []
    for key in (
        "working_groups",
        "organisations",
        "addressees",
        "regulatory_projects",
        "papers",
        "events",
    ):
        if not isinstance(data.get(key), list):
            problems.append(_("Abschnitt „%(key)s“ fehlt oder ist keine Liste.") % {"key": key})
    if problems:
        return problems

    groups = _slugs(data["working_groups"], _("Arbeitskreis"), problems)
    orgs = _slugs(data["organisations"], _("Unternehmen"), problems)
    addressees = _slugs(data["addressees"], _("Adressat"), problems)
    projects = _slugs(data["regulatory_projects"], _("Regelungsvorhaben"), problems)
    papers = _slugs(data["papers"], _("Papier"), problems)
    _slugs(data["events"], _("Veranstaltung"), problems)

    for group in data["working_groups"]:
        where = _("Arbeitskreis „%(slug)s“") % {"slug": group.get("slug")}
        _known(
            [c.get("organisation") for c in group.get("chairs", []) if c.get("organisation")],
            orgs,
            _("Unternehmen"),
            where,
            problems,
        )
    for org in data["organisations"]:
        where = _("Unternehmen „%(slug)s“") % {"slug": org.get("slug")}
        _known(org.get("working_groups", []), groups, _("Arbeitskreis"), where, problems)
        if org.get("state") not in State.values:
            problems.append(
                _("%(where)s: unbekanntes Bundesland „%(v)s“.")
                % {"where": where, "v": org.get("state")}
            )
        if org.get("size_class") and org["size_class"] not in SizeClass.values:
            problems.append(
                _("%(where)s: unbekannte Größenklasse „%(v)s“.")
                % {"where": where, "v": org["size_class"]}
            )
    for addressee in data["addressees"]:
        if addressee.get("level") not in Level.values:
            problems.append(
                _("Adressat „%(slug)s“: unbekannte Ebene „%(v)s“.")
                % {"slug": addressee.get("slug"), "v": addressee.get("level")}
            )
    for project in data["regulatory_projects"]:
        where = _("Regelungsvorhaben „%(slug)s“") % {"slug": project.get("slug")}
        if project.get("kind") not in RegulatoryKind.values:
            problems.append(
                _("%(where)s: unbekannte Art „%(v)s“.") % {"where": where, "v": project.get("kind")}
            )
        if project.get("level") not in Level.values:
            problems.append(
                _("%(where)s: unbekannte Ebene „%(v)s“.")
                % {"where": where, "v": project.get("level")}
            )
        if project.get("consultation_deadline"):
            _date(project["consultation_deadline"], problems, where)
    for paper in data["papers"]:
        where = _("Papier „%(slug)s“") % {"slug": paper.get("slug")}
        if not paper.get("working_groups"):
            problems.append(_("%(where)s gehört zu keinem Arbeitskreis.") % {"where": where})
        _known(paper.get("working_groups", []), groups, _("Arbeitskreis"), where, problems)
        _known(
            [d.get("addressee") for d in paper.get("dispatches", [])],
            addressees,
            _("Adressat"),
            where,
            problems,
        )
        _known(paper.get("signatories", []), orgs, _("Unternehmen"), where, problems)
        _known(
            paper.get("regulatory_projects", []), projects, _("Regelungsvorhaben"), where, problems
        )
        if paper.get("superseded_by"):
            _known([paper["superseded_by"]], papers, _("Papier"), where, problems)
        if paper.get("paper_type") not in PaperType.values:
            problems.append(
                _("%(where)s: unbekannte Art „%(v)s“.")
                % {"where": where, "v": paper.get("paper_type")}
            )
        if paper.get("status", PaperStatus.CURRENT) not in PaperStatus.values:
            problems.append(
                _("%(where)s: unbekannter Status „%(v)s“.")
                % {"where": where, "v": paper.get("status")}
            )
        if len(paper.get("key_demands", [])) > 3:
            problems.append(_("%(where)s: höchstens drei Kernforderungen.") % {"where": where})
        _date(paper.get("publication_date"), problems, where)
        for dispatch in paper.get("dispatches", []):
            _date(dispatch.get("sent_on"), problems, where)
    for event in data["events"]:
        where = _("Veranstaltung „%(slug)s“") % {"slug": event.get("slug")}
        if event.get("working_group"):
            _known([event["working_group"]], groups, _("Arbeitskreis"), where, problems)
        if event.get("type") not in EventType.values:
            problems.append(
                _("%(where)s: unbekannte Art „%(v)s“.") % {"where": where, "v": event.get("type")}
            )
        start = _datetime(event.get("starts_at"), problems, where)
        end = _datetime(event["ends_at"], problems, where) if event.get("ends_at") else None
        if start and end and end < start:
            problems.append(_("%(where)s: Das Ende liegt vor dem Beginn.") % {"where": where})
    for minutes in data.get("minutes", []):
        where = _("Protokoll „%(slug)s“") % {"slug": minutes.get("slug")}
        _known([minutes.get("working_group")], groups, _("Arbeitskreis"), where, problems)
        _date(minutes.get("meeting_date"), problems, where)
    for user in data.get("users", []):
        where = _("Benutzer „%(name)s“") % {"name": user.get("username")}
        if user.get("role") not in USER_ROLES:
            problems.append(
                _("%(where)s: unbekannte Rolle „%(v)s“.") % {"where": where, "v": user.get("role")}
            )
        if user.get("role") in ("chair", "member"):
            _known([user.get("working_group")], groups, _("Arbeitskreis"), where, problems)
    return problems


def _publish(page) -> None:
    page.save_revision().publish()
    page.refresh_from_db()


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


def demo_content_load(
    *, data: dict, with_users: bool = True, progress: Callable[[Iterable], Iterable] | None = None
) -> dict:
    """Validate, then create everything in one transaction; existing pages stay untouched."""
    problems = demo_content_validate(data)
    if problems:
        raise DemoContentError(problems)
    progress = progress or (lambda items: items)
    try:
        with transaction.atomic():
            return _load(data, with_users=with_users, progress=progress)
    except ValidationError as exc:
        messages = (
            [f"{field}: {' '.join(errs)}" for field, errs in exc.message_dict.items()]
            if hasattr(exc, "error_dict")
            else exc.messages
        )
        raise DemoContentError(
            [_("Ungültiger Inhalt, nichts wurde gespeichert:"), *messages]
        ) from exc


def _load(data: dict, *, with_users: bool, progress) -> dict:
    created = {"pages": 0, "users": 0}
    site = data.get("site", {})
    structure = site_bootstrap(site_name=site.get("name"))
    home = structure["home"]
    if site.get("intro") and not home.intro:
        home.intro = site["intro"]
        _publish(home)
    group_index = WorkingGroupIndexPage.objects.get()
    event_index = EventIndexPage.objects.get()

    addressees = {
        a["slug"]: _upsert(
            Addressee,
            a["slug"],
            {
                "name": a["name"],
                "short_name": a.get("short_name", ""),
                "level": a["level"],
                "state": a.get("state", ""),
            },
        )
        for a in data["addressees"]
    }
    projects = {
        p["slug"]: _upsert(
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
                "consultation_deadline": dt.date.fromisoformat(p["consultation_deadline"])
                if p.get("consultation_deadline")
                else None,
                "description": p.get("description", ""),
            },
        )
        for p in data["regulatory_projects"]
    }
    orgs = {
        o["slug"]: _upsert(
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
        for o in data["organisations"]
    }

    groups: dict[str, WorkingGroupPage] = {}
    for item in data["working_groups"]:
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
            _publish(group)
            created["pages"] += 1
        groups[item["slug"]] = group
    for item in data["organisations"]:
        org = orgs[item["slug"]]
        wanted = {groups[slug].pk for slug in item.get("working_groups", [])}
        if set(org.working_groups.values_list("pk", flat=True)) != wanted:
            org.working_groups.set([groups[slug] for slug in item.get("working_groups", [])])
            org.save()
    structure = site_bootstrap(site_name=site.get("name"))  # roles for the new groups

    publications = (
        Collection.get_first_root_node().get_children().get(name=PUBLICATIONS_COLLECTION_NAME)
    )
    Document = get_document_model()
    by_slug = {p["slug"]: p for p in data["papers"]}
    # Successors first, so "ersetzt durch" can point at a page that already exists.
    ordered = sorted(
        data["papers"], key=lambda p: (p.get("superseded_by") is not None, p["publication_date"])
    )
    papers: dict[str, PositionPaperPage] = {}
    for item in progress(ordered):
        paper = PositionPaperPage.objects.filter(slug=item["slug"]).first()
        if paper is None:
            lead = groups[item["working_groups"][0]]
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
                superseded_by=papers.get(item.get("superseded_by"))
                or PositionPaperPage.objects.filter(slug=item.get("superseded_by") or "-").first(),
                contact_name=item.get("contact", {}).get("name", ""),
                contact_role=item.get("contact", {}).get("role", ""),
                contact_email=item.get("contact", {}).get("email", ""),
            )
            paper.tags.set(_tags(item.get("tags", [])))
            paper.co_working_groups.set([groups[slug] for slug in item["working_groups"][1:]])
            paper.signatories.set([orgs[slug] for slug in item.get("signatories", [])])
            paper.regulatory_projects.set(
                [projects[slug] for slug in item.get("regulatory_projects", [])]
            )
            paper.key_demands = [PaperKeyDemand(text=text) for text in item.get("key_demands", [])]
            paper.dispatches = [
                PaperDispatch(
                    addressee=addressees[d["addressee"]],
                    sent_on=dt.date.fromisoformat(d["sent_on"]),
                    note=d.get("note", ""),
                )
                for d in item.get("dispatches", [])
            ]
            if item.get("pdf"):
                document = Document(title=f"{item['title']} (PDF)", collection=publications)
                document.file.save(
                    f"{item['slug']}.pdf",
                    ContentFile(
                        simple_pdf(
                            title=item["title"],
                            paragraphs=[item.get("subtitle", ""), item["summary"]],
                        )
                    ),
                    save=False,
                )
                document.save()
                paper.pdf = document
            lead.add_child(instance=paper)
            _publish(paper)
            created["pages"] += 1
        papers[item["slug"]] = paper
    assert set(papers) == set(by_slug)

    for item in data["events"]:
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
        _publish(event)
        created["pages"] += 1

    for item in data.get("minutes", []):
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
        _publish(minutes)
        created["pages"] += 1

    if with_users:
        created["users"] = _users(data.get("users", []), groups)
    return created


def _users(items: list[dict], groups: dict[str, WorkingGroupPage]) -> int:
    User = get_user_model()
    editors = editors_group_ensure()
    count = 0
    for item in items:
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
        count += 1
    return count
