"""The published action plan as a document to download: PDF or Word, in English or Welsh.

`plan_content` (content.py) gathers what the document says, in one language; `pdf.py` draws
it with WeasyPrint from a template, `word.py` writes it with python-docx. `plan_file` makes
either, named for the campaign and language, as the file a job hands over: documents are
made in a background task (tasks.py), never during a request, so only the worker loads the
two libraries (they are imported when a file is made).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from equityhub.actions.documents.content import PlanContent, plan_content, plan_fingerprint
from equityhub.core.jobs import JobFile

__all__ = ["DocumentFormat", "PlanContent", "plan_content", "plan_file", "plan_fingerprint"]


class DocumentFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("Word (DOCX)")


CONTENT_TYPES = {
    DocumentFormat.PDF: "application/pdf",
    DocumentFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def plan_file(content: PlanContent, document_format: str) -> JobFile:
    """The plan written in `document_format` ("pdf" or "docx")."""
    kind = DocumentFormat(document_format)
    if kind == DocumentFormat.PDF:
        from equityhub.actions.documents.pdf import plan_pdf

        data = plan_pdf(content)
    else:
        from equityhub.actions.documents.word import plan_docx

        data = plan_docx(content)
    name = f"{content.campaign_slug}-action-plan-{content.language}.{kind.value}"
    return JobFile(name=name, content=data, content_type=CONTENT_TYPES[kind])
