from datetime import date

import pytest
from django.utils import translation

from equityhub.campaigns.templatetags.campaign_tags import (
    as_time,
    date_range,
    link_host,
    mark_snippet,
    translated_text,
)
from equityhub.campaigns.tests.factories import CampaignFactory


def test_mark_snippet_marks_matches() -> None:
    assert mark_snippet("health \x02equity\x03 now") == "health <mark>equity</mark> now"


def test_mark_snippet_escapes_everything_else() -> None:
    snippet = '<script>alert("x")</script> & \x02<b>equity</b>\x03'
    assert mark_snippet(snippet) == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
        "<mark>&lt;b&gt;equity&lt;/b&gt;</mark>"
    )


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("open \x02only", "open only"),
        ("close\x03 only", "close only"),
        ("\x03\x02a\x03\x02", "<mark>a</mark>"),
        ("", ""),
    ],
)
def test_mark_snippet_drops_unbalanced_markers(snippet: str, expected: str) -> None:
    assert mark_snippet(snippet) == expected


def test_date_range_within_a_month() -> None:
    with translation.override("en"):
        html = date_range(date(2021, 11, 1), date(2021, 11, 7))
    assert html == (
        '<time datetime="2021-11-01">1</time> to <time datetime="2021-11-07">7 November 2021</time>'
    )


def test_date_range_across_months_and_years() -> None:
    with translation.override("en"):
        months = date_range(date(2021, 10, 30), date(2021, 11, 5))
        years = date_range(date(2021, 12, 30), date(2022, 1, 5))
        one_day = date_range(date(2021, 11, 1), date(2021, 11, 1))
    assert ">30 October</time> to <time" in months
    assert ">30 December 2021</time> to <time" in years
    assert one_day == '<time datetime="2021-11-01">1 November 2021</time>'


def test_dates_use_welsh_month_names_in_welsh() -> None:
    with translation.override("cy"):
        assert "7 Tachwedd 2021" in date_range(date(2021, 11, 1), date(2021, 11, 7))
        assert ">1 Tachwedd 2021<" in as_time(date(2021, 11, 1))


def test_link_host() -> None:
    assert link_host("https://www.rcot.co.uk/roots") == "rcot.co.uk"
    assert link_host("https://example.org") == "example.org"
    assert link_host("not a url") == ""


@pytest.mark.django_db
def test_translated_text_is_plain_and_falls_back() -> None:
    campaign = CampaignFactory.create(title_en="Week <1>", title_cy="")
    with translation.override("cy"):
        assert translated_text(campaign, "title") == "Week <1>"
