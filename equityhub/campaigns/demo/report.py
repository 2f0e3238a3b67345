"""A small stand-in PDF for a demo publication, made with WeasyPrint.

The real report cannot be shipped with EquityHub, so the demo writes a two-page PDF (a title
page and the summary) that says plainly where the full report is published.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from equityhub.campaigns.demo.content import DemoPublication
from equityhub.core.text import markdown_to_html


def render_stand_in_pdf(publication: DemoPublication) -> bytes:
    from weasyprint import HTML  # Imported here: WeasyPrint loads Pango, which takes a moment.

    html = render_to_string(
        "campaigns/demo/report.html",
        {
            "title": publication.title.en,
            "summary": markdown_to_html(publication.summary.en),
            "published_on": publication.published_on,
            "link": publication.link,
        },
    )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def ensure_stand_in_pdf(publication: DemoPublication) -> str:
    """The storage name of the publication's PDF, written only if storage does not have it."""
    if not default_storage.exists(publication.file_name):
        saved = default_storage.save(
            publication.file_name, ContentFile(render_stand_in_pdf(publication))
        )
        return saved
    return publication.file_name
