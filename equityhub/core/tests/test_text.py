from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from equityhub.core.text import ALLOWED_TAGS, markdown_to_html

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<svg/onload=alert(1)>",
    '"><iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
]


def test_markdown_subset_renders_emphasis_lists_and_links() -> None:
    html = markdown_to_html("**Housing** matters\n\n- one\n- two\n\n[RCOT](https://www.rcot.co.uk)")
    assert "<strong>Housing</strong>" in html
    assert "<li>one</li>" in html
    assert 'href="https://www.rcot.co.uk"' in html
    assert 'rel="nofollow noopener noreferrer"' in html


class _Elements(HTMLParser):
    """Collects the real elements and attributes a browser would build from the HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def _elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_html_and_script_in_member_text_stay_inert(payload: str) -> None:
    for tag, attrs in _elements(markdown_to_html(payload)):
        assert tag in ALLOWED_TAGS
        assert not any(name.startswith("on") for name in attrs)
        assert not (attrs.get("href") or "").strip().lower().startswith("javascript:")


def test_headings_only_where_editors_write() -> None:
    assert "<h2>" not in markdown_to_html("## Title")
    assert "<h2>Title</h2>" in markdown_to_html("## Title", allow_headings=True)


@given(st.text())
def test_any_text_renders_without_tags_outside_the_allow_list(text: str) -> None:
    for tag, attrs in _elements(markdown_to_html(text)):
        assert tag in ALLOWED_TAGS
        assert set(attrs) <= {"href", "title", "rel"}
