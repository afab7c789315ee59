"""The demo content: its sections, its JSON Schema and every check, with German messages.

The content is one JSON object of sections (``working_groups``, ``papers``, …), described
by content.schema.json next to it and by ``DEMO_SECTIONS`` here (what names an item, what
it refers to, checks a schema cannot express). A later capability with demo data appends
its ``DemoSection`` (optionally with a content and schema file of its own) and a loading
step to ``workgroups.services.demo.DEMO_STEPS``.
"""

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from workgroups.models import (
    EventType,
    Level,
    MinutesPage,
    PaperStatus,
    PaperType,
    PositionPaperPage,
    RegulatoryKind,
    SizeClass,
    State,
)

DEMO_DIR = Path(__file__).resolve().parent
DEMO_CONTENT_PATH = DEMO_DIR / "content.json"
DEMO_SCHEMA_PATH = DEMO_DIR / "content.schema.json"


class DemoContentError(Exception):
    """The demo file is invalid; ``problems`` lists every problem in German."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Reference:
    """A field whose values name items of another section (``dispatches[].addressee``)."""

    field: str
    target: str


@dataclass(frozen=True)
class DemoSection:
    """A top-level section of the demo content: how its items are named and what they refer to."""

    name: str
    label: str  # German, singular: "Papier"
    key: str | None = "slug"  # the field naming an item
    unique: bool = True  # whether the key names one item of the whole section
    references: tuple[Reference, ...] = ()
    # Checks of one item a schema cannot express; each yields problems (without "where").
    checks: tuple[Callable[[dict], Iterable[str]], ...] = ()
    # A capability's own files (None: the section is part of content.json / its schema).
    content: Path | None = None
    schema: Path | None = None


def _event_ends_after_start(event: dict) -> Iterator[str]:
    if event.get("ends_at") and _datetime(event["ends_at"]) < _datetime(event["starts_at"]):
        yield _("Das Ende liegt vor dem Beginn.")


DEMO_SECTIONS: list[DemoSection] = [
    DemoSection("meta", gettext_lazy("Beschreibung"), key=None),
    DemoSection("site", gettext_lazy("Website"), key=None),
    DemoSection("addressees", gettext_lazy("Adressat")),
    DemoSection("regulatory_projects", gettext_lazy("Regelungsvorhaben")),
    DemoSection(
        "organisations",
        gettext_lazy("Unternehmen"),
        references=(Reference("working_groups[]", "working_groups"),),
    ),
    DemoSection(
        "working_groups",
        gettext_lazy("Arbeitskreis"),
        references=(Reference("chairs[].organisation", "organisations"),),
    ),
    DemoSection(
        "papers",
        gettext_lazy("Papier"),
        references=(
            Reference("working_groups[]", "working_groups"),
            Reference("dispatches[].addressee", "addressees"),
            Reference("signatories[]", "organisations"),
            Reference("regulatory_projects[]", "regulatory_projects"),
            Reference("superseded_by", "papers"),
        ),
    ),
    DemoSection(
        "events",
        gettext_lazy("Veranstaltung"),
        references=(Reference("working_group", "working_groups"),),
        checks=(_event_ends_after_start,),
    ),
    DemoSection(
        "minutes",
        gettext_lazy("Protokoll"),
        unique=False,  # the same slug in several groups' minutes
        references=(Reference("working_group", "working_groups"),),
    ),
    DemoSection(
        "users",
        gettext_lazy("Benutzer"),
        key="username",
        references=(Reference("working_group", "working_groups"),),
    ),
]

# Schema $defs whose allowed values come from the models (one source for the choices).
SCHEMA_CHOICES: dict[str, Callable[[], list[str]]] = {
    "state": lambda: State.values,
    "size_class": lambda: SizeClass.values,
    "level": lambda: Level.values,
    "regulatory_kind": lambda: RegulatoryKind.values,
    "paper_type": lambda: PaperType.values,
    "paper_status": lambda: PaperStatus.values,
    "event_type": lambda: EventType.values,
    "paper_block": lambda: _block_names(PositionPaperPage),
    "minutes_block": lambda: _block_names(MinutesPage),
}


def _block_names(model: type[models.Model]) -> list[str]:
    return list(model._meta.get_field("body").stream_block.child_blocks)


def _section(name: str) -> DemoSection | None:
    return next((s for s in DEMO_SECTIONS if s.name == name), None)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DemoContentError([_("Datei nicht gefunden: %(path)s") % {"path": path}]) from exc
    except json.JSONDecodeError as exc:
        raise DemoContentError(
            [
                _("%(path)s ist kein gültiges JSON (Zeile %(line)s): %(msg)s")
                % {"path": Path(path).name, "line": exc.lineno, "msg": exc.msg}
            ]
        ) from exc


def demo_content_read(path: Path = DEMO_CONTENT_PATH) -> dict:
    """The demo content, with the sections capabilities keep in files of their own."""
    data = _read_json(path)
    if isinstance(data, dict):
        for section in DEMO_SECTIONS:
            if section.content is not None and section.name not in data:
                data[section.name] = _read_json(section.content)
    return data


@cache
def _schema(path: Path = DEMO_SCHEMA_PATH) -> dict:
    schema = _read_json(path)
    for name, values in SCHEMA_CHOICES.items():
        if name in schema.get("$defs", {}):
            schema["$defs"][name]["enum"] = values()
    return schema


def _is_date(value) -> bool:
    return not isinstance(value, str) or bool(_date(value))


def _is_datetime(value) -> bool:
    if not isinstance(value, str):
        return True
    parsed = _datetime(value)
    return parsed is not None and parsed.tzinfo is not None


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _datetime(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


FORMATS = jsonschema.FormatChecker(formats=())
FORMATS.checks("date")(_is_date)
FORMATS.checks("date-time")(_is_datetime)

TYPE_NAMES = {
    "string": gettext_lazy("ein Text"),
    "array": gettext_lazy("eine Liste"),
    "object": gettext_lazy("ein Objekt"),
    "boolean": gettext_lazy("true oder false"),
    "integer": gettext_lazy("eine ganze Zahl"),
    "number": gettext_lazy("eine Zahl"),
    "null": gettext_lazy("null"),
}


def _where(data: dict, path: list) -> str:
    """A German place in the content: "Papier „nis2“, Feld „dispatches[0].sent_on“"."""
    if not path:
        return _("Datei")
    name, rest = str(path[0]), list(path[1:])
    section = _section(name)
    if section is None or not rest or not isinstance(rest[0], int):
        where = _("Abschnitt „%(name)s“") % {"name": name}
    else:
        index = rest.pop(0)
        item = data[name][index] if isinstance(data.get(name), list) else {}
        key = item.get(section.key) if section.key and isinstance(item, dict) else None
        where = f"{section.label} „{key}“" if key else f"{section.label} Nr. {index + 1}"
    if rest:
        field_path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in rest)
        where += _(", Feld „%(field)s“") % {"field": field_path.lstrip(".")}
    return where


def _schema_problem(error: jsonschema.ValidationError) -> list[str]:
    kind, value = error.validator, error.instance
    if kind == "required":
        message = _("Abschnitt „%(name)s“ fehlt.") if not error.absolute_path else None
        return [
            (message or _("Pflichtfeld „%(name)s“ fehlt.")) % {"name": name}
            for name in error.validator_value
            if isinstance(value, dict) and name not in value
        ]
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return [_("Unbekanntes Feld „%(name)s“.") % {"name": name} for name in extra]
    if kind == "type":
        return [_("Muss %(type)s sein.") % {"type": TYPE_NAMES.get(error.validator_value, "?")}]
    if kind == "enum":
        return [
            _("„%(value)s“ ist kein erlaubter Wert (erlaubt: %(allowed)s).")
            % {"value": value, "allowed": ", ".join(map(str, error.validator_value))}
        ]
    if kind == "format" and error.validator_value == "date":
        return [_("„%(value)s“ ist kein Datum (JJJJ-MM-TT).") % {"value": value}]
    if kind == "format":
        return [
            _("„%(value)s“ ist kein Zeitpunkt mit Zeitzone (z. B. 2026-01-02T10:00:00+01:00).")
            % {"value": value}
        ]
    if kind == "minItems":
        n = error.validator_value
        return [
            ngettext("Braucht mindestens einen Eintrag.", "Braucht mindestens %(n)s Einträge.", n)
            % {"n": n}
        ]
    if kind == "maxItems":
        return [_("Höchstens %(n)s Einträge erlaubt.") % {"n": error.validator_value}]
    if kind == "minLength":
        return [_("Darf nicht leer sein.")]
    if kind == "pattern":
        return [
            _("„%(value)s“ ist keine gültige Kurzbezeichnung (Buchstaben, Ziffern, - und _).")
            % {"value": value}
        ]
    return [_("Ungültiger Wert: %(detail)s") % {"detail": error.message}]


def _alternative_meant(errors: list) -> jsonschema.ValidationError:
    # Of "a date or null" the date was meant: its problem ("kein Datum"), not "nicht null".
    meant = [e for e in errors if e.validator not in {"type", "const"}] or errors
    return jsonschema.exceptions.best_match(meant)


def _schema_problems(data: Any, schema: dict, prefix: tuple = ()) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema, format_checker=FORMATS)
    problems = []
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        while error.validator == "anyOf" and error.context:
            error = _alternative_meant(error.context)
        path = [*prefix, *error.absolute_path]
        where = _where(data if not prefix else {prefix[0]: data}, path)
        problems.extend(f"{where}: {problem}" for problem in _schema_problem(error))
    return problems


def _values(item: dict, field_path: str) -> Iterator:
    """Values of "a[].b" in an item: each element's b of the list a."""
    values = [item]
    for part in field_path.split("."):
        name, many = part.removesuffix("[]"), part.endswith("[]")
        values = [v.get(name) for v in values if isinstance(v, dict)]
        if many:
            values = [element for v in values for element in (v or [])]
    return (v for v in values if v is not None)


def demo_content_cross_check(data: dict) -> list[str]:
    """What the schema cannot say: keys unique per section, references to known keys."""
    problems: list[str] = []
    keys: dict[str, set] = {}
    for section in DEMO_SECTIONS:
        if section.key is None or not section.unique or section.name not in data:
            continue
        seen = keys.setdefault(section.name, set())
        for index, item in enumerate(data[section.name]):
            key = item[section.key]
            if key in seen:
                where = _where(data, [section.name, index])
                problems.append(_("%(where)s: kommt mehrfach vor.") % {"where": where})
            seen.add(key)
    for section in DEMO_SECTIONS:
        items = data.get(section.name) if section.key else None
        for index, item in enumerate(items or []):
            for reference in section.references:
                target = _section(reference.target)
                for value in _values(item, reference.field):
                    if value not in keys.get(reference.target, set()):
                        where = _where(data, [section.name, index, reference.field])
                        problems.append(
                            _("%(where)s: unbekannte(r) %(kind)s „%(value)s“.")
                            % {"where": where, "kind": target.label, "value": value}
                        )
            for check in section.checks:
                where = _where(data, [section.name, index])
                problems.extend(f"{where}: {problem}" for problem in check(item))
    return problems


def demo_content_validate(data: Any) -> list[str]:
    """Every problem of the content, in German; an empty list means it can be loaded."""
    problems = _schema_problems(data, _schema())
    if isinstance(data, dict):
        for section in DEMO_SECTIONS:
            if section.schema is not None and section.name in data:
                problems += _schema_problems(
                    data[section.name], _schema(section.schema), prefix=(section.name,)
                )
    return problems or demo_content_cross_check(data)
