"""factory_boy factories for the smallest page trees tests need (published via revisions)."""

import datetime as dt

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from workgroups.models import (
    Addressee,
    EventPage,
    Level,
    MinutesPage,
    Organisation,
    PaperDispatch,
    PaperKeyDemand,
    PositionPaperPage,
    RegulatoryProject,
    State,
    WorkingGroupPage,
)


class PublishedPageFactory(wagtail_factories.PageFactory):
    """Creates the page as a draft row, then publishes it through a revision (signals fire).

    Pass ``publish=False`` to keep a never-published draft.
    """

    live = False

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            obj.save_revision().publish()
            obj.refresh_from_db()


class WorkingGroupPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Arbeitskreis {n}")
    short_description = "Ein Arbeitskreis für Tests."

    class Meta:
        model = WorkingGroupPage


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Muster IT GmbH {n}")
    slug = factory.Sequence(lambda n: f"muster-it-{n}")
    city = "Leipzig"
    state = State.SACHSEN

    class Meta:
        model = Organisation


class AddresseeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Bundesministerium {n}")
    slug = factory.Sequence(lambda n: f"ministerium-{n}")
    level = Level.BUND

    class Meta:
        model = Addressee


class RegulatoryProjectFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Gesetz Nummer {n}")
    slug = factory.Sequence(lambda n: f"gesetz-{n}")
    kind = "gesetz"
    level = Level.BUND

    class Meta:
        model = RegulatoryProject


class PositionPaperPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Positionspapier {n}")
    summary = "Eine kurze Zusammenfassung."
    verdict = "Die Kernaussage in einem Satz."
    publication_date = dt.date(2025, 3, 1)

    class Meta:
        model = PositionPaperPage

    # Cluster relations must be set before the ``publish`` hook serialises the revision.
    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.set(extracted)

    @factory.post_generation
    def co_working_groups(obj, create, extracted, **kwargs):
        if extracted:
            obj.co_working_groups.set(extracted)

    @factory.post_generation
    def signatories(obj, create, extracted, **kwargs):
        if extracted:
            obj.signatories.set(extracted)

    @factory.post_generation
    def regulatory_projects(obj, create, extracted, **kwargs):
        if extracted:
            obj.regulatory_projects.set(extracted)

    @factory.post_generation
    def dispatches(obj, create, extracted, **kwargs):
        if extracted:
            # Dispatches are records outside the revisions, written to the page at once.
            PaperDispatch.objects.bulk_create(
                PaperDispatch(page=obj, addressee=a, sent_on=d, sort_order=i)
                for i, (a, d) in enumerate(extracted)
            )

    @factory.post_generation
    def key_demands(obj, create, extracted, **kwargs):
        if extracted:
            obj.key_demands = [PaperKeyDemand(text=text) for text in extracted]

    publish = factory.PostGeneration(PublishedPageFactory.publish.function)


class EventPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    location = "Leipzig"

    class Meta:
        model = EventPage


class MinutesPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Sitzung {n}")
    meeting_date = dt.date(2026, 10, 1)

    class Meta:
        model = MinutesPage


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "geheim-123")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        obj.save()
        if extracted:
            obj.groups.set(extracted)
