"""Fixtures for impact: papers with demand blocks, published through revisions."""

import datetime as dt

import pytest

from tests.factories import PositionPaperPageFactory


def demand(reference: str, change: str) -> tuple:
    return (
        "demand",
        {
            "reference": reference,
            "current_wording": "Bisherige Fassung.",
            "proposed_change": change,
            "rationale": "Weil es hilft.",
        },
    )


@pytest.fixture
def make_paper():
    def make(parent, slug: str, demands: int = 2, year: int = 2025, **fields):
        body = [demand(f"§ {n}", f"Forderung {n} von {slug}") for n in range(1, demands + 1)]
        return PositionPaperPageFactory(
            parent=parent,
            slug=slug,
            title=f"Papier {slug}",
            publication_date=dt.date(year, 3, 1),
            body=body,
            **fields,
        )

    return make


def block_ids(paper) -> list[str]:
    return [item["id"] for item in paper.body.raw_data if item["type"] == "demand"]
