"""The gap map page: a campaign's ideas by theme and level, and where they are thin.

The comparison itself is in equityhub/ideas/gaps.py; this module puts it into words for the
page, every text worked out here in the page's language, so the template only prints.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET

from equityhub.campaigns.models import Campaign
from equityhub.core.cache import public_page_cache
from equityhub.core.i18n import localized
from equityhub.ideas import gaps, selectors
from equityhub.ideas.models import Level
from equityhub.ideas.views.cards import ThemeName, theme_names

# The heat map's columns are narrow: each level by a short name.
SHORT_LEVELS = {
    Level.INDIVIDUAL: gettext_lazy("Each of us"),
    Level.PROFESSION: gettext_lazy("Profession"),
    Level.PROFESSIONAL_BODY: gettext_lazy("Professional body"),
    Level.GOVERNMENT: gettext_lazy("Governments"),
}


class GapMapForm(forms.Form):
    """The map's choices, read from the query string: which edition, and whether to compare."""

    campaign = forms.SlugField(required=False)
    compare = forms.BooleanField(required=False)


@dataclass(frozen=True, slots=True)
class Edition:
    """The campaign a map is about, the edition before it, and whether to compare them."""

    campaign: Campaign
    previous: Campaign | None
    compare: bool

    @property
    def compared(self) -> Campaign | None:
        return self.previous if self.compare else None


def edition_of(request: HttpRequest) -> Edition | None:
    """The edition the query string asks for (default: the current one); None when there is
    no current campaign. A campaign that is not there is a 404, as on the list."""
    form = GapMapForm(request.GET)
    form.is_valid()
    if "campaign" in form.errors:
        raise Http404(_("There is no campaign with that name."))
    slug = form.cleaned_data.get("campaign") or None
    campaign = selectors.campaign_for_ideas(slug)
    if campaign is None:
        if slug:
            raise Http404(_("There is no campaign with that name."))
        return None
    previous = selectors.previous_edition(campaign=campaign)
    compare = bool(form.cleaned_data.get("compare")) and previous is not None
    return Edition(campaign=campaign, previous=previous, compare=compare)


# The page ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MapCell:
    """One cell of the table (and of the heat map), every text in the page's language."""

    ideas: int
    ideas_text: str
    supports_text: str
    comments_text: str
    url: str  # empty where the list cannot show just these ideas (no theme)
    context: str  # what the cell is about, for its link read out of the table
    gap: str  # why it is a gap; empty when it is not
    band: int
    previous: str  # the previous edition's ideas; empty when not comparing
    change: str


@dataclass(frozen=True, slots=True)
class MapRow:
    name: str
    lang: str  # set when the name is the English shown on a Welsh page
    cells: list[MapCell]
    total: MapCell
    unthemed: bool = False


def _count(singular: str, plural: str, count: int) -> str:
    return ngettext(singular, plural, count) % {"count": count}


def _ideas(count: int) -> str:
    return _count("%(count)d idea", "%(count)d ideas", count)


def _change(now: int, before: int) -> str:
    if now > before:
        return _count("%(count)d more", "%(count)d more", now - before)
    if now < before:
        return _count("%(count)d fewer", "%(count)d fewer", before - now)
    return _("no change")


def _gap_text(cell: gaps.Cell) -> str:
    """Why the cell is a gap, read out after the word "Gap"; empty when it is not one."""
    if cell.gap == gaps.GapReason.EMPTY:
        return _("no ideas yet")
    if cell.gap == gaps.GapReason.FEW:
        return ngettext(
            "%(count)d idea where its theme and level suggest about %(expected)s",
            "%(count)d ideas where its theme and level suggest about %(expected)s",
            cell.counts.ideas,
        ) % {"count": cell.counts.ideas, "expected": formats.number_format(cell.expected, 1)}
    return ""


class _Builder:
    """Makes the table's cells for one map: what is the same for every cell is worked out once."""

    def __init__(self, gap_map: gaps.GapMap, edition: Edition, *, list_url: str) -> None:
        self.map = gap_map
        self.busiest = gap_map.matrix.busiest
        self.previous_year = edition.previous.year if edition.previous else None
        self.list_url = list_url
        # The list shows the current edition unless told otherwise.
        self.campaign_query = (
            {} if edition.campaign.is_current else {"campaign": edition.campaign.slug}
        )

    def url(self, **filters: str) -> str:
        query = urlencode({**filters, **self.campaign_query})
        return f"{self.list_url}?{query}" if query else self.list_url

    def cell(
        self,
        counts: gaps.Counts,
        *,
        url: str,
        context: str,
        previous: gaps.Counts | None,
        compared: gaps.Cell | None = None,
    ) -> MapCell:
        shown_previous = change = ""
        if previous is not None and self.map.previous is not None:
            shown_previous = ngettext(
                "%(year)s: %(count)d idea", "%(year)s: %(count)d ideas", previous.ideas
            ) % {"year": self.previous_year, "count": previous.ideas}
            change = _change(counts.ideas, previous.ideas)
        return MapCell(
            ideas=counts.ideas,
            ideas_text=_ideas(counts.ideas),
            supports_text=_count("%(count)d supporter", "%(count)d supporters", counts.supports),
            comments_text=_count("%(count)d comment", "%(count)d comments", counts.comments),
            url=url,
            context=context,
            gap=_gap_text(compared) if compared is not None else "",
            band=gaps.heat_band(counts.ideas, self.busiest),
            previous=shown_previous,
            change=change,
        )

    def rows(self, names: dict[str, ThemeName]) -> list[MapRow]:
        """A row per theme, then one for ideas without a theme if there are any."""
        matrix, previous = self.map.matrix, self.map.previous
        rows = []
        for slug in matrix.themes:
            name = names[slug]
            cells = [
                self.cell(
                    cell.counts,
                    url=self.url(theme=slug, level=cell.level),
                    context=_("%(theme)s, %(level)s")
                    % {"theme": name.text, "level": Level(cell.level).label},
                    previous=previous.cell(slug, cell.level) if previous else None,
                    compared=cell,
                )
                for cell in matrix.row(slug)
            ]
            total = self.cell(
                matrix.row_totals[slug],
                url=self.url(theme=slug),
                context=_("%(theme)s, every level") % {"theme": name.text},
                previous=previous.theme_total(slug) if previous else None,
            )
            rows.append(MapRow(name.text, name.lang, cells, total))
        if self.map.has_unthemed:
            rows.append(self._unthemed())
        return rows

    def _unthemed(self) -> MapRow:
        tally, previous = self.map.tally, self.map.previous
        cells = [
            self.cell(
                tally.unthemed.get(level, gaps.ZERO),
                url="",
                context="",
                previous=previous.unthemed.get(level, gaps.ZERO) if previous else None,
            )
            for level in self.map.levels
        ]
        total = self.cell(
            tally.unthemed_total,
            url="",
            context="",
            previous=previous.unthemed_total if previous else None,
        )
        return MapRow(_("No theme"), "", cells, total, unthemed=True)

    def totals(self) -> MapRow:
        """Every public idea once: by level, and in all."""
        tally, previous = self.map.tally, self.map.previous
        cells = [
            self.cell(
                tally.level_total(level),
                url=self.url(level=level),
                context=_("every theme, %(level)s") % {"level": Level(level).label},
                previous=previous.level_total(level) if previous else None,
            )
            for level in self.map.levels
        ]
        total = self.cell(
            tally.total,
            url=self.url(),
            context=_("every theme and level"),
            previous=previous.total if previous else None,
        )
        return MapRow(_("All ideas"), "", cells, total)


def legend(busiest: int) -> list[tuple[int, str]]:
    """The heat map's shades and the numbers of ideas each stands for."""
    bands = []
    for band, low, high in gaps.heat_ranges(busiest):
        if band == 0:
            label = _("No ideas")
        elif low == high:
            label = _ideas(low)
        else:
            label = _("%(low)d to %(high)d ideas") % {"low": low, "high": high}
        bands.append((band, label))
    return bands


@dataclass(frozen=True, slots=True)
class EditionChoice:
    slug: str
    title: str
    lang: str  # set when the title is the English shown on a Welsh page
    selected: bool


def _editions(campaign: Campaign) -> list[EditionChoice]:
    """The editions to choose from: those with ideas, and the one shown."""
    editions = selectors.campaigns_with_ideas()
    if campaign not in editions:
        editions = sorted([*editions, campaign], key=lambda c: (-c.year, -c.pk))
    choices = []
    for edition in editions:
        title = localized(edition, "title")
        lang = title.language if title.is_fallback else ""
        choices.append(EditionChoice(edition.slug, title.text, lang, edition == campaign))
    return choices


def _number(value: float) -> str:
    return formats.number_format(value, 0 if value.is_integer() else 1)


@public_page_cache
@require_GET
def gap_map(request: HttpRequest) -> HttpResponse:
    """Anyone: a campaign's public ideas by theme and level, as a table and a heat map, with
    the gaps marked; optionally beside the previous edition's counts."""
    edition = edition_of(request)
    if edition is None:
        return render(request, "ideas/idea_unavailable.html", {"reason": "no_campaign"})
    themes = list(selectors.theme_list())
    found = selectors.gap_map(campaign=edition.campaign, themes=themes, previous=edition.compared)
    names = theme_names(themes)
    builder = _Builder(found, edition, list_url=reverse("ideas:list"))
    csv_query = {"campaign": edition.campaign.slug} | ({"compare": "1"} if edition.compare else {})
    context = {
        "campaign": edition.campaign,
        "previous": edition.previous,
        "compare": edition.compare,
        "editions": _editions(edition.campaign),
        "levels": [
            {"value": level, "label": str(label), "short": str(SHORT_LEVELS[Level(level)])}
            for level, label in Level.choices
        ],
        "rows": builder.rows({theme.slug: names[theme.pk] for theme in themes}),
        "totals": builder.totals(),
        "legend": legend(found.matrix.busiest),
        "gap_count": len(found.matrix.gaps),
        "cell_count": len(found.matrix.cells),
        "has_ideas": found.tally.total.ideas > 0,
        "share": _number(gaps.GAP_SHARE * 100),
        "min_expected": _number(gaps.MIN_EXPECTED),
        "csv_url": f"{reverse('ideas:gaps_csv')}?{urlencode(csv_query)}",
    }
    return render(request, "ideas/gap_map.html", context)
