"""What a test needs to know about a rendered page, read with the standard library's parser."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Every page's title ends with the site's name after an en dash (templates/base.html).
SITE_TITLE = " \N{EN DASH} EquityHub"
FORM_CONTROLS = {"input", "select", "textarea"}
NOT_LABELLED = {"hidden", "submit", "button"}


@dataclass
class Page:
    language: str = ""
    title: str = ""
    h1_count: int = 0
    controls: list[dict[str, str | None]] = field(default_factory=list)
    labelled_ids: set[str] = field(default_factory=set)
    error_summary_links: list[str] = field(default_factory=list)
    breadcrumb_links: list[str] = field(default_factory=list)

    def control(self, name: str) -> dict[str, str | None]:
        return next(control for control in self.controls if control.get("name") == name)

    def unlabelled_controls(self) -> list[dict[str, str | None]]:
        return [
            control
            for control in self.controls
            if control.get("type") not in NOT_LABELLED
            and control.get("id") not in self.labelled_ids
        ]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = Page()
        self._in_title = False
        self._in_summary = False
        self._in_breadcrumbs = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "html":
            self.page.language = values.get("lang") or ""
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self.page.h1_count += 1
        elif tag in FORM_CONTROLS:
            self.page.controls.append({"tag": tag, **values})
        elif tag == "label" and values.get("for"):
            self.page.labelled_ids.add(values["for"] or "")
        elif "govuk-error-summary" in classes:
            self._in_summary = True
        elif "govuk-breadcrumbs" in classes:
            self._in_breadcrumbs = True
        elif tag == "a" and self._in_summary:
            self.page.error_summary_links.append(values.get("href") or "")
        elif tag == "a" and self._in_breadcrumbs:
            self.page.breadcrumb_links.append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in {"ul", "ol"}:
            self._in_summary = self._in_breadcrumbs = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page.title += data


def read(response) -> Page:
    reader = _Reader()
    reader.feed(response.content.decode())
    reader.page.title = " ".join(reader.page.title.split())
    return reader.page
