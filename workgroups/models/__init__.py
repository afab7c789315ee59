"""Models of working groups, papers, snippets and events (split by concept)."""

from .choices import EventType, Level, PaperStatus, PaperType, RegulatoryKind, SizeClass, State
from .events import EventIndexPage, EventPage, MeetingIndexPage
from .groups import (
    MinutesAttachment,
    MinutesIndexPage,
    MinutesPage,
    WorkingGroupAccess,
    WorkingGroupChair,
    WorkingGroupIndexPage,
    WorkingGroupPage,
    WorkingGroupTopic,
)
from .papers import PaperDispatch, PaperKeyDemand, PaperTag, PositionPaperPage, document_is_pdf
from .people import MemberProfile
from .snippets import Addressee, Organisation, RegulatoryProject

__all__ = [
    "Addressee",
    "EventIndexPage",
    "EventPage",
    "EventType",
    "Level",
    "MeetingIndexPage",
    "MemberProfile",
    "MinutesAttachment",
    "MinutesIndexPage",
    "MinutesPage",
    "Organisation",
    "PaperDispatch",
    "PaperKeyDemand",
    "PaperStatus",
    "PaperTag",
    "PaperType",
    "PositionPaperPage",
    "RegulatoryKind",
    "RegulatoryProject",
    "SizeClass",
    "State",
    "WorkingGroupAccess",
    "WorkingGroupChair",
    "WorkingGroupIndexPage",
    "WorkingGroupPage",
    "WorkingGroupTopic",
    "document_is_pdf",
]
