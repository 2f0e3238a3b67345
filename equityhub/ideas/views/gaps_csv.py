"""The gap map as a spreadsheet (CSV): a row per theme and level."""

import csv
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from equityhub.core.text import spreadsheet_safe
from equityhub.ideas import gaps, selectors
from equityhub.ideas.models import Level, Theme
from equityhub.ideas.views.cards import theme_names
from equityhub.ideas.views.gaps import Edition, edition_of

CSV_HEADER = [
    "campaign",
    "theme",
    "theme_name",
    "level",
    "level_name",
    "ideas",
    "supports",
    "comments",
    "expected_ideas",
    "gap",
    "gap_reason",
]
CSV_PREVIOUS_HEADER = [
    "previous_campaign",
    "previous_ideas",
    "previous_supports",
    "previous_comments",
    "change_in_ideas",
]


def csv_rows(found: gaps.GapMap, edition: Edition, themes: list[Theme]) -> list[list[Any]]:
    """A row per theme and level, then per level for ideas without a theme; with the
    previous edition's counts when comparing. Text an editor wrote cannot become a formula."""
    names = theme_names(themes)
    previous = found.previous
    compared = edition.compared
    header = CSV_HEADER + (CSV_PREVIOUS_HEADER if previous is not None else [])
    rows: list[list[Any]] = [header]

    def row(
        slug: str, name: str, level: str, counts: gaps.Counts, cell: gaps.Cell | None
    ) -> list[Any]:
        values: list[Any] = [
            spreadsheet_safe(edition.campaign.slug),
            spreadsheet_safe(slug),
            spreadsheet_safe(name),
            level,
            str(Level(level).label),
            counts.ideas,
            counts.supports,
            counts.comments,
            f"{cell.expected:.2f}" if cell is not None else "",
            "yes" if cell is not None and cell.is_gap else "no",
            cell.gap.value if cell is not None and cell.gap is not None else "",
        ]
        if previous is not None and compared is not None:
            if cell is not None:
                before = previous.cell(slug, level)
            else:
                before = previous.unthemed.get(level, gaps.ZERO)
            values += [
                spreadsheet_safe(compared.slug),
                before.ideas,
                before.supports,
                before.comments,
                counts.ideas - before.ideas,
            ]
        return values

    for theme in themes:
        for cell in found.matrix.row(theme.slug):
            rows.append(row(theme.slug, names[theme.pk].text, cell.level, cell.counts, cell))
    if found.has_unthemed:
        for level in found.levels:
            counts = found.tally.unthemed.get(level, gaps.ZERO)
            rows.append(row("", _("No theme"), level, counts, None))
    return rows


@require_GET
def gap_map_csv(request: HttpRequest) -> HttpResponse:
    """Anyone: the gap map as a spreadsheet (CSV), in the page's language, with the previous
    edition's counts when `compare` is set."""
    edition = edition_of(request)
    if edition is None:
        raise Http404(_("No campaign is collecting ideas at the moment."))
    themes = list(selectors.theme_list())
    found = selectors.gap_map(campaign=edition.campaign, themes=themes, previous=edition.compared)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    csv.writer(response).writerows(csv_rows(found, edition, themes))
    response["Content-Disposition"] = f'attachment; filename="gap-map-{edition.campaign.slug}.csv"'
    return response
