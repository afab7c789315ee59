"""Subscriptions (address, topic, consent) and the log of what each one was sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TopicKind(models.TextChoices):
    """What a subscription follows."""

    WORKING_GROUP = "working_group", _("Arbeitskreis")
    TAG = "tag", _("Schlagwort")
    REGULATORY_PROJECT = "regulatory_project", _("Regelungsvorhaben")
    PAPER = "paper", _("Positionspapier")
    QUERY = "query", _("Suche")


class Frequency(models.TextChoices):
    """How often alerts go out: one mail per paper version, or a daily or weekly digest."""

    IMMEDIATE = "sofort", _("sofort")
    DAILY = "täglich", _("täglich")
    WEEKLY = "wöchentlich", _("wöchentlich")


class Subscription(models.Model):
    """One address following one topic; only address, topic and consent are stored."""

    email = models.EmailField(_("E-Mail-Adresse"), max_length=254)
    kind = models.CharField(_("Art"), max_length=20, choices=TopicKind.choices)
    # A slug, or for a saved search its parameters as canonical JSON (search_query()).
    value = models.CharField(_("Thema"), max_length=1000)
    frequency = models.CharField(_("Häufigkeit"), max_length=12, choices=Frequency.choices)
    consented_at = models.DateTimeField(_("Einwilligung am"))
    consent_text = models.TextField(_("Einwilligungstext"))
    # Null until the link in the confirmation e-mail was followed (double opt-in).
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Abonnement")
        verbose_name_plural = _("Abonnements")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "kind", "value"], name="alerts_one_subscription_per_topic"
            )
        ]
        indexes = [models.Index(fields=["kind", "value"], name="alerts_subscription_topic")]

    def __str__(self) -> str:
        return f"{self.email}: {self.get_kind_display()} {self.value}"


class Delivery(models.Model):
    """The sent-log: one row per subscription and paper version (or deadline), never two.

    Digest subscriptions collect rows with ``sent_at`` empty until their digest goes out.
    """

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    # "paper:<id>:<version>:<status>" or "frist:<date>": what this row announces.
    key = models.CharField(max_length=300)
    paper = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Versand")
        verbose_name_plural = _("Versand")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "key"], name="alerts_one_delivery")
        ]
        indexes = [models.Index(fields=["sent_at", "created_at"], name="alerts_delivery_due")]

    def __str__(self) -> str:
        return f"{self.subscription_id}: {self.key}"
