"""Choice lists shared by the working-group models (values are stable API values)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """The political level an addressee or regulatory project belongs to."""

    EU = "EU", _("EU")
    BUND = "Bund", _("Bund")
    LAND = "Land", _("Land")
    KOMMUNE = "Kommune", _("Kommune")


class State(models.TextChoices):
    """German federal states (ISO 3166-2); the association's three come first."""

    SACHSEN = "DE-SN", _("Sachsen")
    SACHSEN_ANHALT = "DE-ST", _("Sachsen-Anhalt")
    THUERINGEN = "DE-TH", _("Thüringen")
    BERLIN = "DE-BE", _("Berlin")
    BRANDENBURG = "DE-BB", _("Brandenburg")
    BAYERN = "DE-BY", _("Bayern")
    NIEDERSACHSEN = "DE-NI", _("Niedersachsen")
    HESSEN = "DE-HE", _("Hessen")


class SizeClass(models.TextChoices):
    """Company size by number of employees."""

    SMALL = "lt50", _("unter 50 Beschäftigte")
    MEDIUM = "50-100", _("50 bis 100 Beschäftigte")
    LARGE = "gt100", _("über 100 Beschäftigte")


class PaperType(models.TextChoices):
    """The kind of publication; the code is used in citation IDs."""

    POSITIONSPAPIER = "positionspapier", _("Positionspapier")
    STELLUNGNAHME = "stellungnahme", _("Stellungnahme")
    FORDERUNGSKATALOG = "forderungskatalog", _("Forderungskatalog")
    PRESSEMITTEILUNG = "pressemitteilung", _("Pressemitteilung")


CITATION_CODES = {
    PaperType.POSITIONSPAPIER: "POS",
    PaperType.STELLUNGNAHME: "STN",
    PaperType.FORDERUNGSKATALOG: "FK",
    PaperType.PRESSEMITTEILUNG: "PM",
}


class PaperStatus(models.TextChoices):
    """Whether a paper still states the association's position."""

    CURRENT = "aktuell", _("aktuell")
    SUPERSEDED = "ueberholt", _("überholt")
    WITHDRAWN = "zurueckgezogen", _("zurückgezogen")


class RegulatoryKind(models.TextChoices):
    """What kind of regulatory project a paper addresses."""

    GESETZ = "gesetz", _("Gesetz")
    VERORDNUNG = "verordnung", _("Verordnung")
    EU_VERORDNUNG = "eu-verordnung", _("EU-Verordnung")
    EU_RICHTLINIE = "eu-richtlinie", _("EU-Richtlinie")
    EU_INITIATIVE = "eu-initiative", _("EU-Initiative")
    FOERDERPROGRAMM = "foerderprogramm", _("Förderprogramm")
    STRATEGIE = "strategie", _("Strategie / Programm")


class EventType(models.TextChoices):
    """The kind of event."""

    MEETING = "arbeitskreis-treffen", _("Arbeitskreistreffen")
    BRANCHENTREFF = "branchentreff", _("Branchentreff")
    WORKSHOP = "workshop", _("Workshop")
    INFO = "infoveranstaltung", _("Infoveranstaltung")
    WEBINAR = "webinar", _("Webinar")


class DispatchChannel(models.TextChoices):
    """How a paper was sent to an addressee."""

    EMAIL = "email", _("E-Mail")
    POST = "post", _("Post")
    HANDED_OVER = "persoenlich", _("Persönlich übergeben")
    HEARING = "anhoerung", _("Anhörung / Verbändebeteiligung")
    PORTAL = "portal", _("Beteiligungsportal")
