"""The ideas forms: what they accept, what they refuse, and what they keep."""

import pytest

from equityhub.ideas.forms import IdeaFilterForm, IdeaForm, StatusForm
from equityhub.ideas.models import Status
from equityhub.ideas.selectors import Sort
from equityhub.ideas.tests.factories import ThemeFactory, current_campaign

pytestmark = pytest.mark.django_db


def test_filters_keep_good_values_and_drop_unknown_ones():
    housing = ThemeFactory.create(slug="housing")
    form = IdeaFilterForm(
        {"theme": ["housing"], "level": ["galaxy"], "sort": "sideways", "q": " homes "},
        themes=[housing],
    )

    filters = form.filters(campaign=current_campaign())

    assert filters.themes == ("housing",)
    assert filters.levels == ()
    assert filters.sort == Sort.NEWEST
    assert filters.query == "homes"
    assert "level" in form.errors and "sort" in form.errors


def test_a_filter_group_marks_what_was_chosen():
    form = IdeaFilterForm({"status": ["accepted", "withdrawn"]}, themes=[])

    group = form.group("status")

    assert {option.value for option in group.options if option.checked} == {
        "accepted",
        "withdrawn",
    }
    assert group.options[0].id == "id_status_0"
    assert Status.PENDING not in {option.value for option in group.options}


def test_one_forms_themes_are_not_offered_by_the_next():
    # The filter fields share their fixed lists between forms; the themes must stay apart.
    housing = ThemeFactory.create(slug="housing")
    first = IdeaFilterForm({"theme": ["housing"]}, themes=[housing])
    second = IdeaFilterForm({"theme": ["housing"]}, themes=[])

    assert [option.value for option in first.group("theme").options] == ["housing"]
    assert second.group("theme").options == []
    assert second.value("theme") is None and "theme" in second.errors
    assert [option.value for option in second.group("level").options] == [
        option.value for option in first.group("level").options
    ]


def test_the_idea_form_lets_people_type_past_the_limit_and_then_says_so():
    form = IdeaForm({"title": "x" * 141, "body": "Text", "level": "profession", "language": "en"})

    assert "maxlength" not in str(form["title"])
    assert not form.is_valid()
    assert form.errors["title"] == ["Enter a title of 140 characters or fewer."]


def test_the_hidden_field_marks_a_program_filling_in_everything():
    assert IdeaForm({"website": "https://spam.example"}).is_spam
    assert not IdeaForm({"website": ""}).is_spam


def test_the_status_form_offers_only_the_next_steps_and_asks_why_not():
    form = StatusForm(
        {"status-status": Status.NOT_TAKEN_FORWARD},
        statuses=[Status.ACCEPTED, Status.NOT_TAKEN_FORWARD],
    )

    assert [value for value, _label in form["status"].field.widget.choices] == [
        Status.ACCEPTED,
        Status.NOT_TAKEN_FORWARD,
    ]
    assert not form.is_valid()
    assert "reason" in form.errors
