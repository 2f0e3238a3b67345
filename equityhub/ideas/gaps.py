"""The gap map: where, across themes and levels, a campaign's ideas are thin.

A campaign's public ideas are counted in a table of themes (rows) by the four levels
(columns). An idea counts once in the row of each of its themes, so a row's total is the
number of ideas about that theme, and the cells of a column add up to theme–idea pairs, not
ideas. Ideas without a theme are kept apart: they are not a topic, so they take no part in
the comparison below and are never a gap.

Each cell is compared with what its row and column suggest. If themes and levels were
unrelated, a cell would hold its row's share of its column:

    expected = row total * column total / grand total

(the expectation of a table under independence). A cell is a gap when it has no idea at all,
or when it has fewer than GAP_SHARE of the ideas expected, the second only when at least
MIN_EXPECTED ideas are expected, so that one idea more or less in a sparse table is not
called a gap. In a campaign with no themed ideas there is nothing to compare, and nothing
is marked.

Nothing here reads the database: selectors.gap_tally() counts, this module compares.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

# A cell is a gap when it has fewer than this share of the ideas its row and column suggest…
GAP_SHARE = 0.5
# …and at least this many ideas are expected: below it, a shortfall is chance, not a gap.
MIN_EXPECTED = 2.0
# The heat map's shades: one for no idea, then four for quarters of the busiest cell.
HEAT_BANDS = 5


class GapReason(StrEnum):
    EMPTY = "empty"  # no idea at all
    FEW = "few"  # fewer than GAP_SHARE of the ideas expected


@dataclass(frozen=True, slots=True)
class Counts:
    """Ideas, and the supports and comments they have, in one cell or total."""

    ideas: int = 0
    supports: int = 0
    comments: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(
            self.ideas + other.ideas,
            self.supports + other.supports,
            self.comments + other.comments,
        )


ZERO = Counts()


def total(counts: Iterable[Counts]) -> Counts:
    return sum(counts, ZERO)


@dataclass(frozen=True, slots=True)
class Tally:
    """One edition's public ideas, counted: what the database says, before any comparison.

    `cells` is keyed by (theme slug, level) and holds only the pairs that have ideas;
    `unthemed` holds ideas with no theme by level; `levels` counts every public idea once,
    by its level, themed or not.
    """

    cells: Mapping[tuple[str, str], Counts] = field(default_factory=dict)
    unthemed: Mapping[str, Counts] = field(default_factory=dict)
    levels: Mapping[str, Counts] = field(default_factory=dict)

    def cell(self, theme: str, level: str) -> Counts:
        return self.cells.get((theme, level), ZERO)

    def theme_total(self, theme: str) -> Counts:
        """The ideas about `theme`, each once (an idea has one level)."""
        return total(counts for (row, _), counts in self.cells.items() if row == theme)

    def level_total(self, level: str) -> Counts:
        return self.levels.get(level, ZERO)

    @property
    def total(self) -> Counts:
        return total(self.levels.values())

    @property
    def unthemed_total(self) -> Counts:
        return total(self.unthemed.values())


@dataclass(frozen=True, slots=True)
class Cell:
    theme: str
    level: str
    counts: Counts
    expected: float
    gap: GapReason | None

    @property
    def is_gap(self) -> bool:
        return self.gap is not None


@dataclass(frozen=True, slots=True)
class Matrix:
    """The themed cells with what their rows and columns suggest, in the order given."""

    themes: tuple[str, ...]
    levels: tuple[str, ...]
    cells: Mapping[tuple[str, str], Cell]
    row_totals: Mapping[str, Counts]
    column_totals: Mapping[str, Counts]  # theme–idea pairs: an idea counts once per theme
    grand_total: Counts  # theme–idea pairs, the sum of every cell

    def cell(self, theme: str, level: str) -> Cell:
        return self.cells[(theme, level)]

    def row(self, theme: str) -> list[Cell]:
        return [self.cells[(theme, level)] for level in self.levels]

    @property
    def gaps(self) -> list[Cell]:
        return [cell for cell in self.cells.values() if cell.is_gap]

    @property
    def busiest(self) -> int:
        """The most ideas in any cell (0 when there are none)."""
        return max((cell.counts.ideas for cell in self.cells.values()), default=0)


def expected_ideas(row_total: int, column_total: int, grand_total: int) -> float:
    """How many ideas a cell would hold if its row and column were unrelated."""
    if grand_total <= 0:
        return 0.0
    return row_total * column_total / grand_total


def gap_reason(ideas: int, expected: float, *, grand_total: int) -> GapReason | None:
    """Why a cell with `ideas` where `expected` were expected is a gap; None if it is not."""
    if grand_total <= 0:
        return None
    if ideas == 0:
        return GapReason.EMPTY
    if expected >= MIN_EXPECTED and ideas < GAP_SHARE * expected:
        return GapReason.FEW
    return None


def gap_matrix(
    counts: Mapping[tuple[str, str], Counts], *, themes: Sequence[str], levels: Sequence[str]
) -> Matrix:
    """Every (theme, level) cell of `counts` with its expected ideas and whether it is a gap.

    Cells missing from `counts` have no idea; keys outside `themes` by `levels` are ignored.
    """
    themes, levels = tuple(themes), tuple(levels)
    grid = {
        (theme, level): counts.get((theme, level), ZERO) for theme in themes for level in levels
    }
    row_totals = {theme: total(grid[(theme, level)] for level in levels) for theme in themes}
    column_totals = {level: total(grid[(theme, level)] for theme in themes) for level in levels}
    grand_total = total(row_totals.values())
    cells = {}
    for (theme, level), found in grid.items():
        expected = expected_ideas(
            row_totals[theme].ideas, column_totals[level].ideas, grand_total.ideas
        )
        cells[(theme, level)] = Cell(
            theme=theme,
            level=level,
            counts=found,
            expected=expected,
            gap=gap_reason(found.ideas, expected, grand_total=grand_total.ideas),
        )
    return Matrix(themes, levels, cells, row_totals, column_totals, grand_total)


def heat_band(ideas: int, busiest: int) -> int:
    """The heat map's shade for a cell: 0 for no idea, then 1 to 4 by quarters of `busiest`."""
    if ideas <= 0 or busiest <= 0:
        return 0
    quarters = HEAT_BANDS - 1
    return min(quarters, max(1, math.ceil(quarters * ideas / busiest)))


def heat_ranges(busiest: int) -> list[tuple[int, int, int]]:
    """The legend: (band, fewest ideas, most ideas) for each band some number of ideas takes."""
    ranges = [(0, 0, 0)]
    quarters = HEAT_BANDS - 1
    for band in range(1, HEAT_BANDS):
        low = (band - 1) * busiest // quarters + 1
        high = band * busiest // quarters
        if busiest > 0 and low <= high:
            ranges.append((band, low, high))
    return ranges


@dataclass(frozen=True, slots=True)
class GapMap:
    """An edition's map: its tally, the compared themed cells, and the previous edition's
    tally when a comparison was asked for."""

    tally: Tally
    matrix: Matrix
    previous: Tally | None = None

    @property
    def themes(self) -> tuple[str, ...]:
        return self.matrix.themes

    @property
    def levels(self) -> tuple[str, ...]:
        return self.matrix.levels

    @property
    def has_unthemed(self) -> bool:
        """Whether the "no theme" row has anything to show, in this edition or the last."""
        return self.tally.unthemed_total.ideas > 0 or (
            self.previous is not None and self.previous.unthemed_total.ideas > 0
        )


def gap_map(
    tally: Tally, *, themes: Sequence[str], levels: Sequence[str], previous: Tally | None = None
) -> GapMap:
    return GapMap(tally, gap_matrix(tally.cells, themes=themes, levels=levels), previous)
