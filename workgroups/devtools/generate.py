"""Generate many realistic German papers for benchmarks, published through Wagtail revisions."""

import datetime as dt
import multiprocessing
import os
import random
import time
import traceback
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import OperationalError, connection, connections, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from workgroups.demo.validation import demo_content_read
from workgroups.models import (
    Addressee,
    Organisation,
    PaperDispatch,
    PaperKeyDemand,
    PaperStatus,
    PaperTag,
    PaperType,
    PositionPaperPage,
    RegulatoryProject,
    WorkingGroupPage,
)
from workgroups.models.choices import CITATION_CODES
from workgroups.models.papers import CITATION_ID_RE, CITATION_PREFIX
from workgroups.services.demo import demo_content_load
from workgroups.services.pages import page_publish
from workgroups.services.roles import site_bootstrap

FIRST_YEAR = 2014
TITLE_VARIANTS = [
    "{title}",
    "{title} – Fortschreibung {year}",
    "{title}: Zwischenbilanz {year}",
    "{title} (Ergänzung {year})",
    "Nachgefragt: {title}",
    "{title} – Positionen für {region}",
    "{title}: Was {region} jetzt braucht",
]
REGIONS = ["Sachsen", "Sachsen-Anhalt", "Thüringen", "Mitteldeutschland", "den Mittelstand"]
EXTRA_SENTENCES = [
    "Die Mitgliedsunternehmen aus {region} haben ihre Erfahrungen aus der Praxis eingebracht.",
    "Der Arbeitskreis hat die Vorschläge in mehreren Sitzungen mit Fachleuten abgestimmt.",
    "Kleine und mittlere Unternehmen brauchen verlässliche Regeln und kurze Wege zur Verwaltung.",
    "Die Forderungen richten sich an Landes- und Bundespolitik gleichermaßen.",
    "Eine erste Bilanz soll nach zwölf Monaten gemeinsam mit den Ministerien gezogen werden.",
]
REPORT_EVERY = 10
BULK_BATCH = 200
DEADLOCK_RETRIES = 5


def _citation_counters() -> dict[tuple[str, int], int]:
    counters: dict[tuple[str, int], int] = defaultdict(int)
    # Drafts have no citation ID (NULL) until their first publication.
    ids = PositionPaperPage.objects.exclude(citation_id=None).values_list("citation_id", flat=True)
    for citation_id in ids:
        parts = citation_id.split("-")
        if len(parts) == 4 and parts[2].isdigit() and parts[3].isdigit():
            key = (parts[1], int(parts[2]))
            counters[key] = max(counters[key], int(parts[3]))
    return counters


class _Generator:
    """The demo templates and lookup tables; every paper's choices come from its own seed."""

    def __init__(self, *, seed: int):
        self.seed = seed
        data = demo_content_read()
        self.templates = data["papers"]
        self.groups = {group.slug: group for group in WorkingGroupPage.objects.all()}
        self.addressees = {a.slug: a for a in Addressee.objects.all()}
        self.projects = {p.slug: p for p in RegulatoryProject.objects.all()}
        self.organisations = list(Organisation.objects.order_by("pk"))
        names = {
            item["label"] if isinstance(item, dict) else item
            for template in self.templates
            for item in template.get("tags", [])
        }
        self.tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
        self.tag_names = sorted(names)
        self.demands = [
            block
            for t in self.templates
            for block in t.get("body", [])
            if block["type"] == "demand"
        ]
        self.paragraphs = [
            block
            for t in self.templates
            for block in t.get("body", [])
            if block["type"] == "paragraph"
        ]
        self.latest_by_template: dict[str, PositionPaperPage] = {}

    def tags_ensure(self) -> None:
        # Created up front so parallel workers never race to create the same tag.
        for name in self.tag_names:
            if name not in self.tags:
                self.tags[name] = Tag.objects.filter(name=name).first() or Tag.objects.create(
                    name=name
                )

    def choose(self, number: int) -> tuple[random.Random, dict, str]:
        """The item's random source, template and paper type (the same in every process)."""
        rng = random.Random(self.seed * 1_000_003 + number)
        template = rng.choice(self.templates)
        paper_type = template["paper_type"]
        if rng.random() < 0.2:
            paper_type = rng.choice(PaperType.values)
        return rng, template, paper_type

    def lead_slug(self, template: dict) -> str:
        slugs = [s for s in template["working_groups"] if s in self.groups]
        return slugs[0] if slugs else sorted(self.groups)[0]

    def _body(self, rng: random.Random, template: dict) -> list[dict]:
        body = [dict(block) for block in template.get("body", [])]
        extra = rng.sample(self.paragraphs, k=min(2, len(self.paragraphs)))
        demand = rng.sample(self.demands, k=min(1, len(self.demands)))
        insert_at = rng.randint(0, len(body))
        body[insert_at:insert_at] = [*extra, *demand]
        return [{"type": b["type"], "value": b["value"], "id": str(uuid.uuid4())} for b in body]

    def paper(self, item: dict) -> PositionPaperPage:
        rng, template, paper_type = self.choose(item["number"])
        publication_date = item["date"]
        region = rng.choice(REGIONS)
        title = rng.choice(TITLE_VARIANTS).format(
            title=template["title"], year=publication_date.year, region=region
        )[:250]
        lead = self.groups[self.lead_slug(template)]
        groups = [lead] + [
            self.groups[s] for s in template["working_groups"][1:] if s in self.groups
        ]
        if len(groups) == 1 and rng.random() < 0.15:
            groups.append(rng.choice([g for g in self.groups.values() if g != lead] or [lead]))
        summary = " ".join([template["summary"], rng.choice(EXTRA_SENTENCES).format(region=region)])
        paper = PositionPaperPage(
            title=title,
            slug=f"{slugify(template['slug'])[:70]}-{item['number']}-{publication_date.year}",
            live=False,
            subtitle=template.get("subtitle", "")[:255],
            summary=summary[:1200],
            verdict=template["verdict"][:400],
            body=self._body(rng, template),
            paper_type=paper_type,
            publication_date=publication_date,
            version_label=rng.choice(["1.0", "1.0", "1.0", "1.1", "2.0"]),
            citation_id=item["citation_id"],
            status=PaperStatus.WITHDRAWN if rng.random() < 0.03 else PaperStatus.CURRENT,
            contact_name=template.get("contact", {}).get("name", ""),
            contact_role=template.get("contact", {}).get("role", ""),
            contact_email=template.get("contact", {}).get("email", ""),
        )
        tag_names = [t["label"] if isinstance(t, dict) else t for t in template.get("tags", [])]
        tag_names += rng.sample(self.tag_names, k=rng.randint(0, 2))
        paper.tags.set([self.tags[name] for name in dict.fromkeys(tag_names)])
        paper.co_working_groups.set([g for g in groups[1:] if g != lead])
        paper.regulatory_projects.set(
            [
                self.projects[s]
                for s in template.get("regulatory_projects", [])
                if s in self.projects
            ]
        )
        if self.organisations:
            paper.signatories.set(rng.sample(self.organisations, k=rng.randint(0, 4)))
        paper.key_demands = [PaperKeyDemand(text=t[:300]) for t in template.get("key_demands", [])]
        addressee_slugs = [d["addressee"] for d in template.get("dispatches", [])] or rng.sample(
            sorted(self.addressees), k=min(2, len(self.addressees))
        )
        # Dispatches are plain rows (not in revisions), written once the page has its id.
        paper.planned_dispatches = [
            PaperDispatch(
                addressee=self.addressees[slug],
                sent_on=publication_date + dt.timedelta(days=rng.randint(0, 10)),
            )
            for slug in dict.fromkeys(addressee_slugs)
            if slug in self.addressees
        ]
        paper.supersede_previous = rng.random() < 0.12
        paper.template_slug = template["slug"]
        return paper


def _plan(generator: _Generator, *, count: int) -> list[dict]:
    """Dates, citation IDs and lead groups of every paper, decided before any is created."""
    rng = random.Random(generator.seed)
    today = dt.date.today()
    span = (today - dt.date(FIRST_YEAR, 1, 1)).days
    dates = sorted(
        dt.date(FIRST_YEAR, 1, 1) + dt.timedelta(days=rng.randint(0, span)) for _ in range(count)
    )
    counters = _citation_counters()
    base = PositionPaperPage.objects.count()
    plan = []
    for index, date in enumerate(dates):
        number = base + index
        _rng, template, paper_type = generator.choose(number)
        code = CITATION_CODES.get(paper_type, "POS")
        year = date.year
        # Citation numbers have at most three digits; a full year spills into the next.
        while counters[(code, year)] >= 999:
            year += 1
        counters[(code, year)] += 1
        plan.append(
            {
                "number": number,
                "date": date,
                "citation_id": f"{CITATION_PREFIX}-{code}-{year}-{counters[(code, year)]:02d}",
                "lead": generator.lead_slug(template),
            }
        )
    return plan


def _create(generator: _Generator, item: dict) -> None:
    paper = generator.paper(item)
    generator.groups[item["lead"]].add_child(instance=paper)
    for order, dispatch in enumerate(paper.planned_dispatches):
        dispatch.page, dispatch.sort_order = paper, order
    PaperDispatch.objects.bulk_create(paper.planned_dispatches)
    # Wagtail's page_published signal fires for every paper; add_child() just validated it.
    page_publish(page=paper, clean=False)
    previous = _predecessor(generator, paper)
    if previous is not None:
        _supersede(previous, paper)


def _retrying(generator: _Generator, work: Callable[[], None]) -> None:
    """Run ``work`` in one transaction; the rare deadlock between workers is retried.

    Treebeard locks the parent group row while adding a child, and co-authoring links lock
    other groups' rows, so parallel workers can deadlock now and then. The topics' latest
    papers are restored before a retry (the rolled-back attempt had moved them on).
    """
    for attempt in range(DEADLOCK_RETRIES):
        latest = dict(generator.latest_by_template)
        try:
            with transaction.atomic():
                work()
            return
        except OperationalError:
            generator.latest_by_template = latest
            if attempt == DEADLOCK_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _run(
    generator: _Generator, items: list[dict], report: Callable[[int], None], *, bulk: bool = False
) -> None:
    if bulk:
        for start in range(0, len(items), BULK_BATCH):
            batch = items[start : start + BULK_BATCH]
            _retrying(generator, lambda batch=batch: _bulk_create(generator, batch))
            report(len(batch))
        return
    done = 0
    for item in items:
        # One short transaction per paper, so parallel workers seldom wait for each other.
        _retrying(generator, lambda item=item: _create(generator, item))
        done += 1
        if done % REPORT_EVERY == 0:
            report(REPORT_EVERY)
    report(done % REPORT_EVERY)


def _bulk_create(generator: _Generator, items: list[dict]) -> None:
    """Insert a batch of papers directly, in the state a revision publish leaves them in.

    Per paper: the page row at the next tree position, its tags, demands, dispatches and
    relations, one revision (the page's serialised content) that is its latest and live
    revision, "wagtail.create" and "wagtail.publish" log entries, Wagtail's own search and
    reference index updates queued as tasks (what its post_save handlers do), and the
    ``page_published`` signal, so the API cache, the frontend and the search index react
    exactly as to a publish. A paper superseded by a later one of the same batch is created
    in that state (its one revision says so); one superseded by a paper of a later batch
    goes through a real ``save_revision().publish()``.
    """
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.models import Locale, Page, PageLogEntry, Revision
    from wagtail.signals import page_published
    from wagtail.tasks import update_reference_index_task

    now = timezone.now()
    locale = Locale.get_default()
    paper_type = ContentType.objects.get_for_model(PositionPaperPage)
    page_type = ContentType.objects.get_for_model(Page)
    papers = [generator.paper(item) for item in items]
    leads = [generator.groups[item["lead"]] for item in items]
    successors: dict[int, PositionPaperPage] = {}  # id() of a paper of this batch → successor
    stored_pairs = []  # (stored predecessor, successor in this batch)
    for paper in papers:
        previous = _predecessor(generator, paper)
        if previous is None:
            continue
        if previous.pk is None:
            previous.status = PaperStatus.SUPERSEDED
            successors[id(previous)] = paper
        else:
            stored_pairs.append((previous, paper))
    # Next free tree positions below each lead group (read under a lock, like add_child; a
    # "no key" lock, so other workers' rows may still refer to the group meanwhile).
    last_step: dict[int, int] = {}
    for group in {lead.pk: lead for lead in leads}.values():
        locked = Page.objects.select_for_update(no_key=True).get(pk=group.pk)
        last = (
            Page.objects.filter(path__startswith=locked.path, depth=locked.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        last_step[group.pk] = Page._str2int(last[-Page.steplen :]) if last else 0
    children = Counter()
    for paper, lead in zip(papers, leads, strict=True):
        last_step[lead.pk] += 1
        children[lead.pk] += 1
        paper.depth = lead.depth + 1
        paper.path = Page._get_path(lead.path, paper.depth, last_step[lead.pk])
        paper.numchild = 0
        paper.url_path = f"{lead.url_path}{paper.slug}/"
        paper.content_type = paper_type
        paper.locale = locale
        paper.draft_title = paper.title
        paper.live = True
        paper.has_unpublished_changes = False
        paper.first_published_at = paper.last_published_at = now
        paper.latest_revision_created_at = now
        # Slugs and citation IDs are unique by construction (planned up front); the per-row
        # uniqueness queries of full_clean() would cost more than everything else here.
        if not CITATION_ID_RE.match(paper.citation_id):
            raise ValueError(f"Ungültige Zitier-ID {paper.citation_id}")
    # Multi-table inheritance: the Page rows first (their ids), then the paper rows.
    bases = Page.objects.bulk_create([Page(**_base_values(paper)) for paper in papers])
    for paper, base in zip(papers, bases, strict=True):
        paper.pk = paper.page_ptr_id = paper.id = base.pk
    for paper in papers:
        if id(paper) in successors:
            paper.superseded_by = successors[id(paper)]
    fields = PositionPaperPage._meta.local_concrete_fields
    PositionPaperPage._base_manager._insert(papers, fields=fields, using=connection.alias)
    PaperTag.objects.bulk_create([t for p in papers for t in p.tagged_items.all()])
    PaperKeyDemand.objects.bulk_create([d for p in papers for d in p.key_demands.all()])
    for paper in papers:
        for order, dispatch in enumerate(paper.planned_dispatches):
            dispatch.page, dispatch.sort_order = paper, order
    PaperDispatch.objects.bulk_create([d for p in papers for d in p.planned_dispatches])
    for name in ("co_working_groups", "signatories", "regulatory_projects"):
        through = getattr(PositionPaperPage, name).through
        target = getattr(PositionPaperPage, name).field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [
                through(positionpaperpage_id=p.pk, **{f"{target}_id": related.pk})
                for p in papers
                for related in getattr(p, name).all()
            ]
        )
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=paper_type,
                base_content_type=page_type,
                object_id=str(p.pk),
                created_at=now,
                object_str=p.title,
                content=p.serializable_data(),
            )
            for p in papers
        ]
    )
    for paper, revision in zip(papers, revisions, strict=True):
        paper.latest_revision = paper.live_revision = revision
    Page.objects.bulk_update(papers, ["latest_revision", "live_revision"])
    for group_pk, added in children.items():
        Page.objects.filter(pk=group_pk).update(numchild=F("numchild") + added)
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=paper_type,
                label=p.title,
                action=action,
                data={},
                timestamp=now,
                revision=revision,
                content_changed=action == "wagtail.publish",
                page_id=p.pk,
            )
            for p, revision in zip(papers, revisions, strict=True)
            for action in ("wagtail.create", "wagtail.publish")
        ]
    )
    for paper, revision in zip(papers, revisions, strict=True):
        insert_or_update_object_task.enqueue("workgroups", "positionpaperpage", str(paper.pk))
        update_reference_index_task.enqueue("workgroups", "positionpaperpage", str(paper.pk))
        page_published.send(sender=PositionPaperPage, instance=paper, revision=revision)
    for previous, paper in stored_pairs:
        _supersede(previous, paper)


def _base_values(paper: PositionPaperPage) -> dict:
    from wagtail.models import Page

    return {
        field.attname: getattr(paper, field.attname)
        for field in Page._meta.concrete_fields
        if field.attname != "id"
    }


def _predecessor(generator: _Generator, paper: PositionPaperPage) -> PositionPaperPage | None:
    """The paper this one supersedes, if any; it becomes the latest current one of its topic."""
    previous = generator.latest_by_template.get(paper.template_slug)
    if paper.status == PaperStatus.CURRENT:
        generator.latest_by_template[paper.template_slug] = paper
    # Now and then a newer paper on the same topic replaces the previous one.
    return previous if paper.supersede_previous else None


def _supersede(previous: PositionPaperPage, paper: PositionPaperPage) -> None:
    previous.status = PaperStatus.SUPERSEDED
    previous.superseded_by = paper
    page_publish(page=previous, clean=False)


def _worker(seed: int, items: list[dict], queue, bulk: bool) -> None:
    try:
        generator = _Generator(seed=seed)
        _run(generator, items, lambda n: queue.put(("done", n)), bulk=bulk)
        queue.put(("finished", 0))
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the command
        queue.put(("error", traceback.format_exc()))
    finally:
        connections.close_all()


def papers_generate(
    *,
    count: int,
    seed: int = 2026,
    workers: int | None = None,
    bulk: bool = False,
    progress: Callable[[int], Callable[[int], None]] | None = None,
) -> int:
    """Create ``count`` published papers across the working groups; returns how many.

    Needs the demo structure (working groups, addressees, regulatory projects, members);
    loads the demo content first when there is no working group yet. Every paper is added
    with ``add_child`` and published with ``save_revision().publish()`` (so Wagtail's
    page_published signal fires for each), one transaction per paper. On
    PostgreSQL several worker processes share the work, one set of working groups each (so
    no two processes add pages under the same parent); SQLite uses one process.
    ``progress(total)`` returns a callback that receives the number of papers just done.

    ``bulk=True`` is the fast path for benchmark data (10,000 papers in minutes): batches
    are inserted directly in the published state and ``page_published`` is sent for each
    paper (one transaction per batch); see ``_bulk_create`` for what is (and is not) the
    same as a publish. It shares the work between processes in the same way.
    """
    if not WorkingGroupPage.objects.exists():
        demo_content_load(data=demo_content_read(), with_users=False)
    site_bootstrap()
    generator = _Generator(seed=seed)
    generator.tags_ensure()
    plan = _plan(generator, count=count)
    report = progress(count) if progress else (lambda n: None)
    # Other processes cannot see an open transaction's rows (the demo just loaded, or a
    # test's data), so parallel workers only start outside one.
    parallel = connection.vendor == "postgresql" and not connection.in_atomic_block
    workers = max(1, min(workers or (os.cpu_count() or 1) * 2, len(generator.groups)))
    if not parallel or workers == 1:
        _run(generator, plan, report, bulk=bulk)
        return count
    # Balance the groups over the workers by their number of papers.
    by_group: dict[str, list[dict]] = defaultdict(list)
    for item in plan:
        by_group[item["lead"]].append(item)
    buckets: list[list[dict]] = [[] for _ in range(workers)]
    for _slug, items in sorted(by_group.items(), key=lambda kv: -len(kv[1])):
        min(buckets, key=len).extend(items)
    for bucket in buckets:
        bucket.sort(key=lambda item: item["number"])
    connections.close_all()  # children open their own connections
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    processes = [
        context.Process(target=_worker, args=(seed, bucket, queue, bulk))
        for bucket in buckets
        if bucket
    ]
    for process in processes:
        process.start()
    finished, errors = 0, []
    while finished < len(processes):
        kind, value = queue.get()
        if kind == "done":
            report(value)
        elif kind == "finished":
            finished += 1
        else:
            errors.append(value)
            finished += 1
    for process in processes:
        process.join()
    if errors:
        raise RuntimeError("Paper generation failed in a worker:\n" + "\n".join(errors))
    return count
