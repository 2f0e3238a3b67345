"""The Jinja2 side of the templates: the shared layout, its translations and its helpers."""

from pathlib import Path
from urllib.parse import urlencode

import polib
import pytest
from django.conf import settings
from django.template import Context, Template, engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from equityhub.core.jinja import querystring

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "cy" / "LC_MESSAGES" / "django.po"


def jinja_templates() -> list[Path]:
    folders = Path(settings.BASE_DIR).glob("equityhub/*/jinja2")
    return sorted(path for folder in folders for path in folder.rglob("*.html"))


def test_every_text_in_a_jinja_template_has_its_welsh() -> None:
    """`makemessages` reads Jinja2 templates as Django ones: a text written so that it cannot
    find it (`{{ label or _("…") }}`, say) would have no Welsh, and Welsh pages would show
    English."""
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    welsh = {entry.msgid: entry for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}
    missing = []
    for path in jinja_templates():
        for _line, _function, message in env.extract_translations(path.read_text()):
            for msgid in [message] if isinstance(message, str) else message:
                if msgid and not (msgid in welsh and welsh[msgid].translated()):
                    missing.append(f"{path.name}: {msgid}")
    assert jinja_templates()
    assert missing == []


def test_a_django_page_gets_the_shared_layout_with_its_own_blocks(client) -> None:
    html = client.get(reverse("core:accessibility")).content.decode()

    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Accessibility statement – EquityHub</title>" in " ".join(html.split())
    assert 'class="govuk-skip-link"' in html
    assert f'href="{reverse("core:privacy")}"' in html  # the footer


def test_a_page_variable_named_like_a_layout_helper_does_not_break_the_layout(rf) -> None:
    """The layout calls url() and static(); a Django page may well have a `url` of its own."""
    request = rf.get("/")
    page = Template(
        '{% extends "base.html" %}{% block content %}<a href="{{ url }}">Mine</a>{% endblock %}'
    )

    html = page.render(Context({"url": "/my/own/", "request": request}))

    assert '<a href="/my/own/">Mine</a>' in html
    assert f'href="{reverse("core:accessibility")}"' in html


@pytest.mark.parametrize("prefix", ["", "/cy"])
@pytest.mark.django_db
def test_the_layout_links_stay_in_the_page_language(client, prefix) -> None:
    """The layout's fixed addresses are worked out once per language, never shared across."""
    with translation.override("en"):
        accessibility, privacy = reverse("core:accessibility"), reverse("core:privacy")
    client.get("/cy/ideas/" if not prefix else "/ideas/")  # the other language first

    html = client.get(f"{prefix}{accessibility}").content.decode()

    assert f'href="{prefix}{privacy}"' in html


def test_querystring_changes_one_parameter_and_keeps_the_others() -> None:
    request = RequestFactory().get("/ideas/", {"level": ["government", "individual"], "page": "3"})

    assert querystring(request, page=4) == "?level=government&level=individual&page=4"
    assert querystring(request, page=None) == "?level=government&level=individual"


parameter = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6)
list_key = st.sampled_from(["page", "q", "level", "sort"])


@given(
    sent=st.lists(st.tuples(list_key | parameter, parameter), max_size=6),
    changes=st.dictionaries(list_key, st.none() | st.integers() | parameter),
)
def test_querystring_is_what_editing_a_copy_of_the_query_would_give(sent, changes) -> None:
    request = RequestFactory().get("/ideas/?" + urlencode(sent))
    expected = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            expected.pop(key, None)
        else:
            expected[key] = str(value)

    assert querystring(request, **changes) == f"?{expected.urlencode()}"
