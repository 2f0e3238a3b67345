"""The plan as a tagged PDF, drawn by WeasyPrint from `actions/plan_document.html`.

The document fetches nothing: no remote fonts, images or stylesheets (its styles are in the
template and its fonts are the machine's own), so it renders quickly and the same everywhere.
Its language and title come from the template's `<html lang>` and `<title>`.
"""

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher

from equityhub.actions.documents.content import PlanContent


def plan_html(content: PlanContent) -> str:
    with translation.override(content.language):
        return render_to_string("actions/plan_document.html", {"plan": content})


def plan_pdf_layout(content: PlanContent) -> Document:
    """The laid-out pages, before they are written out as a PDF."""
    # No protocol is allowed, so nothing the template (or a link in it) names is ever fetched.
    fetcher = URLFetcher(allowed_protocols=frozenset())
    return HTML(string=plan_html(content), url_fetcher=fetcher, media_type="print").render()


def plan_pdf(content: PlanContent) -> bytes:
    """The PDF, tagged (headings, lists, tables) for screen readers, with its title and language."""
    pdf = plan_pdf_layout(content).write_pdf(pdf_tags=True)
    assert pdf is not None
    return pdf
