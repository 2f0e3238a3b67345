"""The gap map: the rule, the counts, the page in both languages, the comparison with the
previous edition, the CSV and the API."""

import csv
import io
import math
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from equityhub.accounts.tests.factories import UserFactory
from equityhub.campaigns.models import Campaign
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.core.text import markdown_to_html
from equityhub.ideas import gaps, selectors
from equityhub.ideas.gaps import Counts, GapReason
from equityhub.ideas.models import Idea, Language, Level, Status
from equityhub.ideas.tests.factories import IdeaFactory, ThemeFactory, current_campaign
from equityhub.ideas.tests.pages import card_titles

PAGE = "/ideas/gaps/"
CSV = "/ideas/gaps.csv"
API = "/api/v1/ideas/gaps"
LEVELS = tuple(Level.values)


def text_of(response) -> str:
    """The page's text without tags, as a reader would see and hear it."""
    html = response.content.decode()
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def csv_rows(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


# The rule ------------------------------------------------------------------------------------


def test_expected_ideas_follow_the_row_and_column_totals():
    assert gaps.expected_ideas(6, 4, 12) == 2.0
    assert gaps.expected_ideas(3, 5, 0) == 0.0


def test_empty_cells_and_thin_cells_are_gaps_but_small_numbers_are_not():
    counts = {
        ("housing", "individual"): Counts(8, 20, 3),
        ("housing", "government"): Counts(1, 2, 0),  # 9 * 9 / 18 = 4.5 expected: thin
        ("education", "individual"): Counts(1, 0, 0),  # 9 * 9 / 18 = 4.5 expected: thin
        ("education", "government"): Counts(8, 5, 1),
    }
    matrix = gaps.gap_matrix(counts, themes=["housing", "education"], levels=LEVELS)

    assert matrix.cell("housing", "government").expected == 4.5
    assert matrix.cell("housing", "government").gap == GapReason.FEW
    assert matrix.cell("education", "individual").gap == GapReason.FEW
    assert matrix.cell("housing", "individual").gap is None
    assert matrix.cell("housing", "profession").gap == GapReason.EMPTY
    assert matrix.row_totals["housing"] == Counts(9, 22, 3)
    assert matrix.column_totals["individual"] == Counts(9, 20, 3)

    # One idea where 1.5 are expected is under half, but too few to call a gap.
    sparse = gaps.gap_matrix(
        {
            ("a", "x"): Counts(1),
            ("a", "y"): Counts(2),
            ("b", "x"): Counts(2),
            ("b", "y"): Counts(1),
        },
        themes=["a", "b"],
        levels=["x", "y"],
    )
    assert sparse.cell("a", "x").expected == 1.5
    assert not sparse.gaps


def test_half_of_the_expected_ideas_is_not_a_gap():
    assert gaps.gap_reason(2, 4.0, grand_total=10) is None
    assert gaps.gap_reason(1, 4.0, grand_total=10) == GapReason.FEW
    assert gaps.gap_reason(0, 0.0, grand_total=10) == GapReason.EMPTY


def test_a_campaign_with_no_ideas_has_no_gaps_to_show():
    matrix = gaps.gap_matrix({}, themes=["housing"], levels=LEVELS)
    assert matrix.gaps == []
    assert matrix.busiest == 0


small_counts = st.dictionaries(
    st.tuples(st.sampled_from("abcd"), st.sampled_from(LEVELS)),
    st.builds(
        Counts,
        st.integers(min_value=0, max_value=40),
        st.integers(min_value=0, max_value=200),
        st.integers(min_value=0, max_value=100),
    ),
)


@given(small_counts)
def test_the_totals_add_up_and_every_empty_cell_with_company_is_a_gap(counts):
    themes = ["a", "b", "c", "d"]
    matrix = gaps.gap_matrix(counts, themes=themes, levels=LEVELS)
    cells = matrix.cells.values()

    in_cells = sum(cell.counts.ideas for cell in cells)
    assert in_cells == sum(total.ideas for total in matrix.row_totals.values())
    assert in_cells == sum(total.ideas for total in matrix.column_totals.values())
    assert in_cells == matrix.grand_total.ideas == sum(c.ideas for c in counts.values())
    if in_cells:
        assert math.isclose(sum(cell.expected for cell in cells), in_cells)
    for cell in cells:
        row, column = matrix.row_totals[cell.theme], matrix.column_totals[cell.level]
        if cell.counts.ideas == 0 and row.ideas and column.ideas:
            assert cell.gap == GapReason.EMPTY
        if cell.gap == GapReason.FEW:
            assert cell.expected >= gaps.MIN_EXPECTED
            assert cell.counts.ideas < gaps.GAP_SHARE * cell.expected
        if cell.counts.ideas >= gaps.GAP_SHARE * cell.expected and cell.counts.ideas:
            assert not cell.is_gap


@given(st.integers(min_value=0, max_value=300), st.integers(min_value=0, max_value=300))
def test_the_heat_map_legend_names_the_band_of_every_number(ideas, busiest):
    ideas = min(ideas, busiest)
    band = gaps.heat_band(ideas, busiest)
    ranges = {found: (low, high) for found, low, high in gaps.heat_ranges(busiest)}

    assert 0 <= band < gaps.HEAT_BANDS
    assert (band == 0) == (ideas == 0)
    low, high = ranges[band]
    assert low <= ideas <= high


# The counts ----------------------------------------------------------------------------------


@pytest.fixture
def themes(db):
    return {
        "housing": ThemeFactory.create(slug="housing", name_en="Housing", name_cy="Tai"),
        "education": ThemeFactory.create(slug="education", name_en="Education", name_cy="Addysg"),
    }


@pytest.mark.django_db
def test_an_idea_counts_in_each_theme_and_only_public_ideas_count(themes):
    housing, education = themes["housing"], themes["education"]
    IdeaFactory.create(
        level=Level.GOVERNMENT, themes=[housing, education], support_count=4, comment_count=2
    )
    IdeaFactory.create(level=Level.GOVERNMENT, themes=[housing], support_count=1)
    IdeaFactory.create(level=Level.INDIVIDUAL, comment_count=3)  # no theme
    for status in (Status.PENDING, Status.HIDDEN, Status.REJECTED, Status.WITHDRAWN):
        IdeaFactory.create(level=Level.GOVERNMENT, themes=[housing], status=status)
    IdeaFactory.create(
        level=Level.GOVERNMENT, themes=[housing], campaign=CampaignFactory.create(year=1999)
    )

    tally = selectors.gap_tally(campaign=current_campaign())

    assert tally.cell("housing", Level.GOVERNMENT) == Counts(2, 5, 2)
    assert tally.cell("education", Level.GOVERNMENT) == Counts(1, 4, 2)
    assert tally.unthemed == {Level.INDIVIDUAL: Counts(1, 0, 3)}
    assert tally.level_total(Level.GOVERNMENT) == Counts(2, 5, 2)
    assert tally.total == Counts(3, 5, 5)


# The page ------------------------------------------------------------------------------------


@pytest.fixture
def mapped(themes):
    """Housing is busy at government level; education has one idea for each of us."""
    for n in range(5):
        IdeaFactory.create(
            title=f"Housing idea {n}", level=Level.GOVERNMENT, themes=[themes["housing"]]
        )
    IdeaFactory.create(
        title="Education idea",
        level=Level.INDIVIDUAL,
        themes=[themes["education"], themes["housing"]],
        support_count=7,
        comment_count=2,
    )
    return themes


def test_anyone_reads_the_map_as_a_table_with_headers_totals_and_gaps(client, mapped):
    response = client.get(PAGE)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in html and "Ideas by theme and level" in html
    for level in Level:
        assert f'<th scope="col" class="govuk-table__header">{level.label}</th>' in html
    assert re.search(r'<th scope="row"[^>]*>Housing</th>', html)
    assert re.search(r'<th scope="row"[^>]*>All ideas</th>', html)
    text = text_of(response)
    assert "5 ideas" in text
    assert "7 supporters 2 comments" in text
    # Education has nothing at government level: a gap, said in words, not colour alone.
    assert "Gap : no ideas yet" in text
    assert "How gaps are found" in text
    assert "fewer than 50% of the ideas expected" in text
    assert "at least 2 ideas are expected" in text
    assert "counted in the row of each of its themes" in text


def test_each_cell_links_to_the_list_filtered_to_its_ideas(client, mapped):
    html = client.get(PAGE).content.decode()
    link = "/ideas/?theme=housing&amp;level=government"
    assert f'href="{link}"' in html
    assert 'href="/ideas/?theme=education"' in html  # the row's total
    assert 'href="/ideas/?level=individual"' in html  # the column's total

    listed = client.get(unescape(link))

    titles = card_titles(listed.content.decode())
    assert sorted(titles) == [f"Housing idea {n}" for n in range(5)]


def test_the_map_is_in_welsh_under_cy(client, mapped):
    response = client.get(f"/cy{PAGE}")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in html
    assert re.search(r'<th scope="row"[^>]*>Tai</th>', html)
    assert 'href="/cy/ideas/?theme=housing&amp;level=government"' in html
    assert 'hreflang="en" href="/ideas/gaps/"' in html  # the same page in English


def test_the_heat_map_shows_the_same_numbers_as_shades_beside_the_table(client, mapped):
    html = client.get(PAGE).content.decode()

    heat = html[html.index('<div class="eh-heat"') : html.index('<div class="eh-table-scroll')]
    assert 'aria-hidden="true"' in heat.split(">", 1)[0]
    assert "<a " not in heat and "<input" not in heat  # nothing focusable is hidden
    assert "eh-heat--4" in heat  # the busiest square is the darkest
    assert "eh-heat--0 eh-heat__cell--gap" in heat
    assert "1 idea" in heat and "No ideas" in heat  # the legend


def test_ideas_without_a_theme_have_a_row_that_is_never_a_gap(client, themes):
    IdeaFactory.create(level=Level.PROFESSION, themes=[themes["housing"]])
    IdeaFactory.create(level=Level.PROFESSION, title="Untagged")

    html = client.get(PAGE).content.decode()

    row = html[html.index("eh-gap-table__unthemed") :]
    row = row[: row.index("</tr>")]
    assert "No theme" in row
    assert "Gap" not in row and "<a " not in row
    assert "1 idea" in row


def test_without_ideas_lacking_a_theme_there_is_no_such_row(client, mapped):
    assert "eh-gap-table__unthemed" not in client.get(PAGE).content.decode()


def test_ideas_awaiting_review_or_hidden_are_not_counted(client, themes):
    IdeaFactory.create(level=Level.PROFESSION, themes=[themes["housing"]])
    IdeaFactory.create(level=Level.PROFESSION, themes=[themes["housing"]], status=Status.PENDING)
    IdeaFactory.create(level=Level.PROFESSION, themes=[themes["housing"]], status=Status.HIDDEN)

    response = client.get(PAGE)

    assert response.context["totals"].total.ideas == 1
    assert "1 idea" in text_of(response)
    assert "3 ideas" not in text_of(response)


def test_the_ideas_list_links_to_the_map(client, mapped):
    html = client.get(reverse("ideas:list")).content.decode()
    assert f'href="{PAGE}"' in html
    assert "gap map" in html


def test_without_a_current_campaign_the_page_says_so(client, db):
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "No campaign is collecting ideas at the moment." in text_of(response)


def test_an_unknown_campaign_is_not_found(client, mapped):
    assert client.get(PAGE, {"campaign": "no-such-edition"}).status_code == 404
    assert client.get(PAGE, {"campaign": "not a slug!"}).status_code == 404
    assert client.get(CSV, {"campaign": "no-such-edition"}).status_code == 404


# Editions and the comparison --------------------------------------------------------------------


@pytest.fixture
def editions(mapped) -> tuple[Campaign, Campaign]:
    """The current campaign and the one the year before, with two housing ideas at government
    level and one education idea at government level."""
    current = current_campaign()
    previous = CampaignFactory.create(year=current.year - 1, slug="last-year")
    CampaignFactory.create(year=current.year - 2, slug="long-ago")  # not the previous one
    CampaignFactory.create(year=current.year - 1, slug="draft", is_published=False)
    for title in ("Old housing idea", "Another old housing idea"):
        IdeaFactory.create(
            campaign=previous, title=title, level=Level.GOVERNMENT, themes=[mapped["housing"]]
        )
    IdeaFactory.create(
        campaign=previous, level=Level.GOVERNMENT, themes=[mapped["education"]], support_count=3
    )
    return current, previous


def test_the_switch_compares_each_cell_with_the_previous_edition(client, editions):
    _current, previous = editions

    plain = client.get(PAGE)
    compared = client.get(PAGE, {"compare": "1"})

    assert "Compare with the previous edition" in text_of(plain)
    assert previous.title_en in text_of(plain)
    assert f"{previous.year}:" not in text_of(plain)
    text = text_of(compared)
    # Housing, government: 5 ideas now, 2 then.
    assert f"{previous.year}: 2 ideas 3 more" in text
    # Education, government: none now, 1 then.
    assert f"{previous.year}: 1 idea 1 fewer" in text
    checkbox = re.compile(r'<input[^>]*name="compare"[^>]*>', re.S)
    assert "checked" not in checkbox.findall(plain.content.decode())[0]
    assert "checked" in checkbox.findall(compared.content.decode())[0]


def test_the_campaign_chooser_shows_another_edition(client, editions):
    current, previous = editions

    response = client.get(PAGE, {"campaign": previous.slug})

    html = response.content.decode()
    assert '<select class="govuk-select" id="gap-campaign" name="campaign">' in html
    assert f'<option value="{current.slug}"' in html
    assert 'value="long-ago"' not in html  # no ideas, nothing to choose
    assert response.context["totals"].total.ideas == 3
    # The list shows the current edition by default, so cells name this one.
    assert f'href="/ideas/?theme=housing&amp;level=government&amp;campaign={previous.slug}"' in html


def test_with_a_single_edition_there_is_no_chooser_and_no_comparison(client, mapped):
    html = client.get(PAGE, {"compare": "1"}).content.decode()
    assert 'id="gap-campaign"' not in html
    assert 'name="compare"' not in html
    assert "eh-gap-cell__detail" in html


# The spreadsheet -------------------------------------------------------------------------------


def test_the_csv_has_a_row_per_theme_and_level(client, mapped):
    response = client.get(CSV)

    rows = csv_rows(response)
    assert 'filename="gap-map-' in response["Content-Disposition"]
    assert len(rows) == 2 * 4
    housing = next(r for r in rows if r["theme"] == "housing" and r["level"] == "government")
    assert housing["ideas"] == "5"
    assert housing["theme_name"] == "Housing"
    assert housing["gap"] == "no"
    empty = next(r for r in rows if r["theme"] == "education" and r["level"] == "government")
    assert (empty["gap"], empty["gap_reason"]) == ("yes", "empty")
    assert "previous_ideas" not in rows[0]


def test_the_csv_compares_and_speaks_welsh(client, editions):
    rows = csv_rows(client.get(f"/cy{CSV}", {"compare": "1"}))

    housing = next(r for r in rows if r["theme"] == "housing" and r["level"] == "government")
    assert housing["theme_name"] == "Tai"
    assert housing["previous_campaign"] == "last-year"
    assert (housing["previous_ideas"], housing["change_in_ideas"]) == ("2", "3")


def test_the_csv_cannot_carry_a_formula(client, db):
    theme = ThemeFactory.create(slug="sums", name_en='=HYPERLINK("http://x","y")')
    IdeaFactory.create(level=Level.GOVERNMENT, themes=[theme])

    rows = csv_rows(client.get(CSV))

    assert rows[0]["theme_name"] == '\'=HYPERLINK("http://x","y")'


# The API -------------------------------------------------------------------------------------


def test_the_api_returns_the_matrix(client, mapped):
    response = client.get(API)

    body = response.json()
    assert response.status_code == 200
    assert [level["level"] for level in body["levels"]] == list(LEVELS)
    assert [theme["slug"] for theme in body["themes"]] == ["housing", "education"]
    assert body["rule"]["gap_share"] == gaps.GAP_SHARE
    assert body["previous_campaign"] is None
    cell = next(c for c in body["cells"] if (c["theme"], c["level"]) == ("housing", "government"))
    assert (cell["ideas"], cell["is_gap"], cell["previous"]) == (5, False, None)
    assert cell["list_url"] == "http://testserver/ideas/?theme=housing&level=government"
    empty = next(
        c for c in body["cells"] if (c["theme"], c["level"]) == ("education", "government")
    )
    assert (empty["is_gap"], empty["gap_reason"]) == (True, "empty")
    assert body["total"]["ideas"] == 6


def test_the_api_compares_when_asked(client, editions):
    _current, previous = editions

    body = client.get(API, {"compare": "true"}).json()

    assert body["previous_campaign"] == previous.slug
    cell = next(c for c in body["cells"] if (c["theme"], c["level"]) == ("housing", "government"))
    assert cell["previous"] == {"ideas": 2, "supports": 0, "comments": 0}
    assert cell["change"] == 3
    assert body["previous_total"]["ideas"] == 3

    older = client.get(API, {"campaign": previous.slug}).json()
    assert older["total"]["ideas"] == 3
    assert older["cells"][0]["list_url"].endswith(f"campaign={previous.slug}")


def test_the_api_path_is_not_taken_for_an_idea_and_is_in_the_schema(client, mapped):
    idea = Idea.objects.first()
    assert idea is not None
    assert client.get(f"/api/v1/ideas/{idea.pk}").json()["id"] == idea.pk
    assert client.get(API).status_code == 200
    assert client.get(API, {"campaign": "no-such-edition"}).status_code == 404

    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/ideas/gaps"]["get"]
    assert {"200", "404", "422"} <= set(operation["responses"])
    assert {p["name"] for p in operation["parameters"]} == {"campaign", "compare"}


def test_the_api_speaks_welsh(client, mapped):
    body = client.get(f"/cy{API}").json()
    assert body["themes"][0]["name"] == "Tai"
    assert body["levels"][0]["label"] == "Beth all pob un ohonom ei wneud"
    assert body["cells"][0]["list_url"].startswith("http://testserver/cy/ideas/")


# A fixed number of queries ---------------------------------------------------------------------


def many_ideas(count: int, campaign: Campaign) -> None:
    """`count` public ideas spread over three themes and the four levels, a tenth of them
    without a theme, and as many held for review (not counted)."""
    author = UserFactory.create()
    now = timezone.now()
    themes = [ThemeFactory.create(slug=f"bulk-{n}") for n in range(3)]
    ideas = Idea.objects.bulk_create(
        Idea(
            campaign=campaign,
            author=author,
            title=f"Bulk idea {n}",
            body="Some text.",
            body_html=markdown_to_html("Some text."),
            level=LEVELS[n % 4],
            language=Language.ENGLISH,
            status=Status.PUBLISHED if n % 2 else Status.PENDING,
            support_count=n % 7,
            comment_count=n % 5,
            last_activity_at=now,
        )
        for n in range(2 * count)
    )
    Idea.themes.through.objects.bulk_create(
        Idea.themes.through(idea_id=idea.pk, theme_id=themes[n % 3].pk)
        for n, idea in enumerate(ideas)
        if n % 10 != 1
    )


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 500])
def test_the_map_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    current = current_campaign()
    previous = CampaignFactory.create(year=current.year - 1)
    many_ideas(count, current)
    many_ideas(count, previous)

    with django_assert_max_num_queries(8):
        response = client.get(PAGE, {"compare": "1"})
    assert response.context["totals"].total.ideas == count
    with django_assert_max_num_queries(7):
        # Three themes and "no theme", by four levels.
        assert len(csv_rows(client.get(CSV, {"compare": "1"}))) == 4 * 4
    with django_assert_max_num_queries(7):
        assert client.get(API, {"compare": "true"}).json()["total"]["ideas"] == count
