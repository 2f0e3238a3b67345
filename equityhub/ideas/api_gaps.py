"""The gap map in the API: a campaign's public ideas by theme and level, with the gaps marked.

Mounted before the ideas router (equityhub/api/api.py), whose `/ideas/{idea_id}` would
otherwise take `/ideas/gaps` for an idea's id.
"""

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from django.core.validators import slug_re
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from equityhub.api.errors import ErrorOut
from equityhub.api.params import CAMPAIGN_HELP
from equityhub.campaigns.models import Campaign
from equityhub.core.i18n import localized
from equityhub.ideas import gaps, selectors
from equityhub.ideas.models import Level

router = Router(tags=["ideas"])

COMPARE_HELP = (
    "true adds the previous edition's counts (the published campaign of the latest year "
    "before this one) to every cell and total."
)


class GapCountsOut(Schema):
    ideas: int
    supports: int = Field(description="Supports given to those ideas.")
    comments: int = Field(description="Comments anyone can read on those ideas.")


class GapRuleOut(Schema):
    gap_share: float = Field(description="A cell is a gap below this share of its expected ideas…")
    min_expected: float = Field(description="…when at least this many ideas are expected.")
    description: str = Field(description="The rule in words, in the language of the address.")


class GapLevelOut(Schema):
    level: Level
    label: str
    total: GapCountsOut = Field(description="Every public idea at this level, each once.")
    previous_total: GapCountsOut | None = None


class GapThemeOut(Schema):
    slug: str
    name: str
    language: str = Field(description="The language of `name`: en where no Welsh is written yet.")
    total: GapCountsOut = Field(description="The public ideas with this theme.")
    previous_total: GapCountsOut | None = None


class GapCellOut(Schema):
    theme: str | None = Field(description="A theme's slug; null for ideas with no theme.")
    level: Level
    ideas: int
    supports: int
    comments: int
    expected: float | None = Field(
        description="Ideas expected from the row and column totals (row * column / all); "
        "null for ideas with no theme, which are not compared."
    )
    is_gap: bool
    gap_reason: Literal["empty", "few"] | None = Field(
        description="empty: no idea; few: under gap_share of the ideas expected."
    )
    previous: GapCountsOut | None = Field(
        None, description="The previous edition's counts, with compare=true."
    )
    change: int | None = Field(None, description="Ideas now minus ideas then, with compare=true.")
    list_url: str | None = Field(
        description="The ideas list filtered to this cell; null for ideas with no theme."
    )


class GapMapOut(Schema):
    campaign: str = Field(description="The campaign's slug.")
    campaign_title: str
    previous_campaign: str | None = Field(
        description="The slug of the edition compared with; null without compare=true, or "
        "when there is no earlier edition."
    )
    rule: GapRuleOut
    levels: list[GapLevelOut]
    themes: list[GapThemeOut]
    cells: list[GapCellOut] = Field(
        description="Every theme with every level, in the order of `themes` and `levels`; "
        "then ideas with no theme, by level, if there are any. An idea with several themes "
        "is counted in each of its themes."
    )
    total: GapCountsOut = Field(description="Every public idea, each once.")
    previous_total: GapCountsOut | None = None


def _counts(counts: gaps.Counts) -> dict[str, int]:
    return {"ideas": counts.ideas, "supports": counts.supports, "comments": counts.comments}


def _counts_or_none(counts: gaps.Counts | None) -> dict[str, int] | None:
    return None if counts is None else _counts(counts)


def _rule() -> dict[str, Any]:
    return {
        "gap_share": gaps.GAP_SHARE,
        "min_expected": gaps.MIN_EXPECTED,
        "description": _(
            "A theme and level pair is a gap when it has no ideas, or fewer than %(share)s%% of "
            "the ideas its row and column suggest (row total times column total, divided by "
            "the total of the table), where at least %(minimum)s are expected. Ideas with no "
            "theme are not compared."
        )
        % {"share": f"{gaps.GAP_SHARE * 100:g}", "minimum": f"{gaps.MIN_EXPECTED:g}"},
    }


def _campaign(slug: str | None) -> Campaign:
    found = None
    if not slug or slug_re.fullmatch(slug):
        found = selectors.campaign_for_ideas(slug or None)
    if found is None:
        raise HttpError(
            404,
            _("There is no campaign with that slug.")
            if slug
            else _("There is no current campaign: name one with campaign=…"),
        )
    return found


@router.get(
    "/ideas/gaps",
    response={200: GapMapOut, 404: ErrorOut, 422: ErrorOut},
    summary="The gap map: ideas by theme and level, with the gaps marked",
)
def gap_map(
    request: HttpRequest,
    campaign: Annotated[str | None, Query(None, description=CAMPAIGN_HELP)] = None,
    compare: Annotated[bool, Query(False, description=COMPARE_HELP)] = False,
) -> object:
    """Anyone: a campaign's published ideas counted by theme and level, as on /ideas/gaps/.

    Each cell has its ideas, their supports and comments, the ideas its row and column
    suggest (`expected`), and whether it is a gap (`rule` says how that is decided).
    """
    found = _campaign(campaign)
    previous = selectors.previous_edition(campaign=found) if compare else None
    themes = list(selectors.theme_list())
    result = selectors.gap_map(campaign=found, themes=themes, previous=previous)
    tally, before, matrix = result.tally, result.previous, result.matrix
    list_path = reverse("ideas:list")
    in_campaign = {} if found.is_current else {"campaign": found.slug}

    def list_url(**filters: str) -> str:
        return request.build_absolute_uri(f"{list_path}?{urlencode({**filters, **in_campaign})}")

    cells = []
    for theme in themes:
        for cell in matrix.row(theme.slug):
            then = before.cell(theme.slug, cell.level) if before else None
            cells.append(
                {
                    "theme": theme.slug,
                    "level": cell.level,
                    **_counts(cell.counts),
                    "expected": round(cell.expected, 2),
                    "is_gap": cell.is_gap,
                    "gap_reason": cell.gap.value if cell.gap else None,
                    "previous": _counts_or_none(then),
                    "change": cell.counts.ideas - then.ideas if then is not None else None,
                    "list_url": list_url(theme=theme.slug, level=cell.level),
                }
            )
    if result.has_unthemed:
        for level in result.levels:
            now = tally.unthemed.get(level, gaps.ZERO)
            then = before.unthemed.get(level, gaps.ZERO) if before else None
            cells.append(
                {
                    "theme": None,
                    "level": level,
                    **_counts(now),
                    "expected": None,
                    "is_gap": False,
                    "gap_reason": None,
                    "previous": _counts_or_none(then),
                    "change": now.ideas - then.ideas if then is not None else None,
                    "list_url": None,
                }
            )
    return {
        "campaign": found.slug,
        "campaign_title": localized(found, "title").text,
        "previous_campaign": previous.slug if previous else None,
        "rule": _rule(),
        "levels": [
            {
                "level": level,
                "label": str(label),
                "total": _counts(tally.level_total(level)),
                "previous_total": _counts_or_none(before.level_total(level) if before else None),
            }
            for level, label in Level.choices
        ],
        "themes": [
            {
                "slug": theme.slug,
                "name": localized(theme, "name").text,
                "language": localized(theme, "name").language,
                "total": _counts(matrix.row_totals[theme.slug]),
                "previous_total": _counts_or_none(
                    before.theme_total(theme.slug) if before else None
                ),
            }
            for theme in themes
        ],
        "cells": cells,
        "total": _counts(tally.total),
        "previous_total": _counts_or_none(before.total if before else None),
    }
