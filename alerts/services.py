"""Writes of the alerts: subscribe (double opt-in), confirm, unsubscribe, and sending alerts."""

import contextlib
import datetime as dt
import hashlib
import json
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alerts.mail import MailItem, alert_send, confirmation_send
from alerts.models import Delivery, Frequency, Subscription, TopicKind
from alerts.selectors import paper_version_published_at, subscriptions_following, topic_describe
from cms.throttle import counter_hit, rate_parse
from workgroups.models import PaperStatus, PositionPaperPage, RegulatoryProject
from workgroups.selectors import PublicScope, paper_versions, papers_public, public_scope

logger = logging.getLogger(__name__)

# Unconfirmed subscriptions (and their confirmation links) live this long.
CONFIRMATION_WINDOW = dt.timedelta(days=7)
# A Regelungsvorhaben's followers hear of its deadline this many days ahead.
DEADLINE_NOTICE_DAYS = 7
# Digests cover what was published before this hour (local time); weekly ones on Mondays.
DIGEST_HOUR = 7

CONSENT_TEXT = _(
    "Ich möchte E-Mails von %(site)s zu %(topic)s erhalten (%(frequency)s). Meine "
    "Einwilligung kann ich jederzeit über den Abmeldelink in jeder E-Mail widerrufen."
)


def email_normalise(address: str) -> str:
    """One spelling per mailbox: trimmed, lower case, the domain in its ASCII (IDNA) form."""
    local, _at, domain = address.strip().rpartition("@")
    # The serializer's EmailField has checked the address already.
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}".lower()


def search_value(params: dict) -> str:
    """A saved search as canonical JSON: the same search is the same topic."""
    kept = {key: value for key, value in params.items() if value not in ("", None, [])}
    if "tag" in kept:
        kept["tag"] = sorted(dict.fromkeys(kept["tag"]))
    if "q" in kept:
        kept["q"] = " ".join(kept["q"].split())
    return json.dumps(kept, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _over_budget(key: str, rate: str) -> tuple[bool, int]:
    budget = rate_parse(rate)
    hit = counter_hit(key=key, window=budget.seconds)
    return hit.count > budget.requests, hit.retry_after


def subscribe_client_throttled(*, client: str) -> int | None:
    """Seconds to wait if this client asked for too many subscriptions, else None."""
    over, retry_after = _over_budget(f"alerts:client:{client}", settings.ALERTS_CLIENT_RATE)
    return retry_after if over else None


@transaction.atomic
def subscription_request(*, email: str, kind: str, value: str, frequency: str) -> bool:
    """Record a wish to subscribe and send the confirmation mail; True if a mail went out.

    The caller answers the same whatever happens here (no enumeration of addresses): a
    known address, one over its budget, or a confirmation already on its way get no mail.
    """
    email = email_normalise(email)
    address_key = hashlib.sha256(email.encode()).hexdigest()
    over, _retry = _over_budget(f"alerts:address:{address_key}", settings.ALERTS_ADDRESS_RATE)
    if over:
        return False
    topic = topic_describe(subscription=Subscription(kind=kind, value=value))
    now = timezone.now()
    subscription, created = Subscription.objects.select_for_update().get_or_create(
        email=email,
        kind=kind,
        value=value,
        defaults={"frequency": frequency, "consented_at": now, "consent_text": ""},
    )
    if not created:
        if subscription.confirmed_at or subscription.consented_at > now - CONFIRMATION_WINDOW:
            # Confirmed already, or a confirmation is still on its way: one mail per window.
            return False
        subscription.frequency = frequency
        subscription.consented_at = now
    subscription.consent_text = CONSENT_TEXT % {
        "site": settings.WAGTAIL_SITE_NAME,
        "topic": topic,
        "frequency": subscription.get_frequency_display(),
    }
    subscription.save()
    # robust: a mail server that is down is logged, the visitor still gets the same 202.
    transaction.on_commit(
        lambda: confirmation_send(subscription=subscription, topic=topic), robust=True
    )
    return True


def subscription_confirm(*, subscription_id: int) -> Subscription | None:
    """Confirm once (the link is single-use); None if unknown, expired or used."""
    cutoff = timezone.now() - CONFIRMATION_WINDOW
    updated = Subscription.objects.filter(
        pk=subscription_id, confirmed_at__isnull=True, consented_at__gt=cutoff
    ).update(confirmed_at=timezone.now())
    return Subscription.objects.get(pk=subscription_id) if updated else None


def subscription_delete(*, subscription_id: int, email: str | None = None) -> bool:
    """Unsubscribe: the subscription and its log are deleted (nothing of it is kept)."""
    subscriptions = Subscription.objects.filter(pk=subscription_id)
    if email is not None:
        subscriptions = subscriptions.filter(email=email)
    deleted, _rows = subscriptions.delete()
    return deleted > 0


def subscriptions_delete_all(*, email: str) -> int:
    """The right to erasure: every subscription of the address, with its log."""
    return Subscription.objects.filter(email=email).delete()[1].get("alerts.Subscription", 0)


def subscriptions_unconfirmed_purge(*, now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    stale = Subscription.objects.filter(
        confirmed_at__isnull=True, consented_at__lte=now - CONFIRMATION_WINDOW
    )
    return stale.delete()[1].get("alerts.Subscription", 0)


# --- alerts after a publication ----------------------------------------------------------------


def paper_version_key(paper: PositionPaperPage) -> str:
    """What one alert announces: a paper in one version and status (new, superseded, withdrawn)."""
    return f"paper:{paper.pk}:{paper.version_label}:{paper.status}"


def _paper_item(paper: PositionPaperPage) -> MailItem:
    if paper.status == PaperStatus.WITHDRAWN:
        note = _("Zurückgezogen (Version %(version)s).")
    elif paper.status == PaperStatus.SUPERSEDED:
        note = _("Überholt: durch ein neueres Papier ersetzt (Version %(version)s).")
    elif len(paper_versions(paper=paper)) > 1:
        note = _("Neue Version %(version)s.")
    else:
        note = _("Neu veröffentlicht (Version %(version)s).")
    return MailItem(
        title=paper.title,
        url=f"{settings.FRONTEND_URL}{paper.frontend_url}",
        note=note % {"version": paper.version_label},
        summary=paper.summary,
    )


def alerts_for_paper(*, page_id: int, scope: PublicScope | None = None) -> int:
    """After a paper's publication: one alert per matching subscription and paper version.

    Immediate subscriptions get their mail now; digest subscriptions get a log row that
    their next digest picks up. The unique log row makes a second run (a republish of the
    same version, a retried task) send nothing. Returns the number of mails sent.
    """
    scope = scope or public_scope()
    paper = papers_public(scope=scope).filter(pk=page_id).first()
    if paper is None:
        return 0  # not public (any more): nothing about it leaves
    key = paper_version_key(paper)
    # Only who followed before this version came out: a task that runs late (a long queue,
    # waiting for the index) must not announce to a newer subscriber what predates them.
    since = paper_version_published_at(paper=paper)
    sent = 0
    followers = subscriptions_following(paper=paper, scope=scope, confirmed_before=since)
    for subscription in followers:
        try:
            sent += _paper_alert(subscription=subscription, paper=paper, key=key, scope=scope)
        except Exception:  # noqa: BLE001 - the log row rolled back: a rerun sends it
            logger.exception("Benachrichtigung %s nicht verschickt", subscription.pk)
    return sent


@transaction.atomic
def _paper_alert(*, subscription: Subscription, paper, key: str, scope: PublicScope) -> int:
    """Log (and, for immediate subscriptions, send) one alert; 0 if it was logged before."""
    try:
        with transaction.atomic():
            delivery = Delivery.objects.create(
                subscription=subscription, key=key, paper_id=paper.pk
            )
    except IntegrityError:
        return 0  # this version was announced (or collected) already
    if subscription.frequency != Frequency.IMMEDIATE:
        return 0
    item = _paper_item(paper)
    topic = topic_describe(subscription=subscription, scope=scope)
    alert_send(
        subscription=subscription,
        subject=_("Neuigkeit zu %(topic)s: %(title)s") % {"topic": topic, "title": paper.title},
        intro=_("Zu %(topic)s gibt es Neues:") % {"topic": topic},
        items=[item],
        topic=topic,
    )
    delivery.sent_at = timezone.now()
    delivery.save(update_fields=["sent_at"])
    return 1


def digest_boundary(*, frequency: str, now: dt.datetime) -> dt.datetime:
    """The latest digest time at or before ``now``: DIGEST_HOUR daily, on Mondays weekly."""
    local = timezone.localtime(now)
    boundary = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if boundary > local:
        boundary -= dt.timedelta(days=1)
    if frequency == Frequency.WEEKLY:
        boundary -= dt.timedelta(days=boundary.weekday())
    return boundary


def digests_send(*, now: dt.datetime | None = None) -> int:
    """Send each digest subscription what was collected before its last digest time."""
    now = now or timezone.now()
    scope = public_scope()
    sent = 0
    for frequency in (Frequency.DAILY, Frequency.WEEKLY):
        boundary = digest_boundary(frequency=frequency, now=now)
        due = Delivery.objects.filter(
            sent_at__isnull=True,
            paper__isnull=False,
            created_at__lt=boundary,
            subscription__frequency=frequency,
            subscription__confirmed_at__isnull=False,
        )
        for subscription_id in sorted(set(due.values_list("subscription_id", flat=True))):
            sent += _digest_send(subscription_id=subscription_id, due=due, scope=scope, now=now)
    return sent


@transaction.atomic
def _digest_send(*, subscription_id: int, due, scope: PublicScope, now: dt.datetime) -> int:
    subscription = Subscription.objects.select_for_update().get(pk=subscription_id)
    rows = list(due.select_for_update().filter(subscription=subscription).order_by("pk"))
    # Only papers that are public now: one unpublished since it was collected is left out.
    papers = papers_public(scope=scope).in_bulk([row.paper_id for row in rows])
    items = [_paper_item(papers[row.paper_id]) for row in rows if row.paper_id in papers]
    Delivery.objects.filter(pk__in=[row.pk for row in rows]).update(sent_at=now)
    if not items:
        return 0
    topic = topic_describe(subscription=subscription, scope=scope)
    alert_send(
        subscription=subscription,
        subject=_("%(frequency)s Übersicht: %(count)s Neuigkeiten zu %(topic)s")
        % {
            "frequency": _("Tägliche")
            if subscription.frequency == Frequency.DAILY
            else _("Wöchentliche"),
            "count": len(items),
            "topic": topic,
        },
        intro=_("Neu seit der letzten Übersicht zu %(topic)s:") % {"topic": topic},
        items=items,
        topic=topic,
    )
    return 1


def deadline_reminders_send(*, today: dt.date | None = None) -> int:
    """„Frist endet in 7 Tagen“, once per Regelungsvorhaben subscription and deadline."""
    today = today or timezone.localdate()
    last = today + dt.timedelta(days=DEADLINE_NOTICE_DAYS)
    projects = RegulatoryProject.objects.filter(
        consultation_deadline__gte=today, consultation_deadline__lte=last
    )
    sent = 0
    for project in projects:
        days = (project.consultation_deadline - today).days
        subscriptions = Subscription.objects.filter(
            kind=TopicKind.REGULATORY_PROJECT, value=project.slug, confirmed_at__isnull=False
        ).order_by("pk")
        for subscription in subscriptions:
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        delivery = Delivery.objects.create(
                            subscription=subscription,
                            key=f"frist:{project.consultation_deadline.isoformat()}",
                        )
                except IntegrityError:
                    continue
                _deadline_send(subscription=subscription, project=project, days=days)
                delivery.sent_at = timezone.now()
                delivery.save(update_fields=["sent_at"])
                sent += 1
    return sent


def _deadline_send(*, subscription: Subscription, project: RegulatoryProject, days: int) -> None:
    subject = _("Frist endet in %(days)s Tagen: %(project)s") % {"days": days, "project": project}
    topic = topic_describe(subscription=subscription)
    link = project.link or f"{settings.FRONTEND_URL}/regelungsvorhaben/{project.slug}"
    alert_send(
        subscription=subscription,
        subject=subject,
        intro=subject,
        items=[
            MailItem(
                title=str(project),
                url=link,
                note=_("Die Frist der Anhörung endet am %(date)s.")
                % {"date": project.consultation_deadline.strftime("%d.%m.%Y")},
            )
        ],
        topic=topic,
    )


def alerts_scheduled_run(*, now: dt.datetime | None = None) -> dict[str, int]:
    """The periodic work: purge unconfirmed subscriptions, send due digests and deadlines."""
    now = now or timezone.now()
    return {
        "purged": subscriptions_unconfirmed_purge(now=now),
        "digests": digests_send(now=now),
        "deadlines": deadline_reminders_send(today=timezone.localdate(now)),
    }
