from django.utils import translation

from equityhub.campaigns.hub import WAYS_TO_TAKE_PART, Way, ways_to_take_part


def test_each_way_says_what_it_is() -> None:
    for way in WAYS_TO_TAKE_PART:
        assert str(way.title)
        assert len(str(way.description)) > 20


def test_ways_link_to_real_pages_in_the_active_language() -> None:
    with translation.override("cy"):
        links = {link.key: link for link in ways_to_take_part()}
    assert links["faqs"].url == "/cy/faqs/"
    assert links["report"].url == "/cy/publications/"
    assert links["search"].url == "/cy/search/"
    assert links["ideas"].url == "/cy/ideas/"
    assert links["ideas"].is_available
    for key in ("toolkit", "resources", "events", "wall"):
        assert links[key].url is None
        assert not links[key].is_available


def test_a_way_whose_page_is_not_installed_shows_as_coming_soon() -> None:
    (link,) = ways_to_take_part((Way("wall", "Wall", "The wall.", url_name="wall:index"),))
    assert link.url is None


def test_giving_a_url_name_makes_a_way_a_link() -> None:
    (link,) = ways_to_take_part((Way("faqs", "FAQs", "Answers.", url_name="campaigns:faqs"),))
    assert link.url == "/faqs/"
    assert link.is_available
