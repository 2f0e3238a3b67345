"""The plan as a Word document (python-docx), made from the same content as the PDF.

Headings use Word's own heading styles (Heading 1 for each level, 2 for each action, 3 for
its ideas and progress), so the navigation pane and screen readers find them; each action's
facts are a table with a header row. The document's language is set for its text (so Word
checks the spelling in Welsh or English) and in its properties, with its title.
"""

import io
import re

import docx
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run as WordRun

from equityhub.actions.documents.blocks import BULLET, Block, Run, markdown_blocks
from equityhub.actions.documents.content import ActionEntry, PlanContent
from equityhub.core.i18n import LocalizedText

# Word's language tags for our languages.
WORD_LANGUAGES = {"en": "en-GB", "cy": "cy-GB"}
# Characters XML 1.0 cannot hold, which python-docx refuses.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _word_language(language: str) -> str:
    return WORD_LANGUAGES.get(language, language)


def _set_language(element: object, language: str) -> None:
    """Give a run (or the document's defaults) a language, replacing any it had."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), _word_language(language))
    rpr.append(lang)


def _run(paragraph: Paragraph, text: str, *, language: str | None = None) -> WordRun:
    run = paragraph.add_run(_safe(text))
    if language:
        _set_language(run._r, language)
    return run


def _localized_run(paragraph: Paragraph, value: LocalizedText) -> WordRun:
    """A translated field's text, marked English where it stands in for missing Welsh."""
    return _run(paragraph, value.text, language=value.language if value.is_fallback else None)


def _add_blocks(document: Document, blocks: list[Block], *, language: str | None) -> None:
    for block in blocks:
        paragraph = document.add_paragraph(style=block.style)
        if block.prefix:
            _run(paragraph, block.prefix)
        for part in block.runs:
            _add_run(paragraph, part, language=language)


def _add_run(paragraph: Paragraph, part: Run, *, language: str | None) -> None:
    if part.is_break:
        paragraph.add_run().add_break()
        return
    for index, line in enumerate(part.text.split("\n")):
        if index:
            paragraph.add_run().add_break()
        run = _run(paragraph, line, language=language)
        run.bold = part.bold or None
        run.italic = part.italic or None
        if part.code:
            run.font.name = "Courier New"


def _header_row(row: object) -> None:
    """Mark a table's first row as its header, repeated on each page."""
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _facts(document: Document, action: ActionEntry) -> None:
    table = document.add_table(rows=2, cols=4)
    table.style = "Table Grid"
    headings = (
        gettext("Owning team"),
        gettext("Status"),
        gettext("Progress"),
        gettext("Target date"),
    )
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    _header_row(table.rows[0])
    team, status, progress, target = table.rows[1].cells
    _localized_run(team.paragraphs[0], action.team)
    _run(status.paragraphs[0], action.status_label)
    _run(progress.paragraphs[0], gettext("%(percent)s%% done") % {"percent": action.progress})
    _run(
        target.paragraphs[0],
        date_format(action.target_date, "j F Y") if action.target_date else gettext("Not set"),
    )


def _action(document: Document, action: ActionEntry) -> None:
    heading = document.add_heading(level=2)
    _localized_run(heading, action.title)
    _facts(document, action)
    if action.dropped_reason:
        document.add_heading(gettext("Why it was dropped"), level=3)
        document.add_paragraph(_safe(action.dropped_reason))
    fallback = action.description.language if action.description.is_fallback else None
    _add_blocks(document, markdown_blocks(action.description.text), language=fallback)

    document.add_heading(gettext("The ideas behind this action"), level=3)
    for idea in action.ideas:
        item = document.add_paragraph(style=BULLET)
        _run(item, idea.title, language=idea.language).bold = True
        _run(item, " " + gettext("(idea %(number)s)") % {"number": idea.id})
        item.add_run().add_break()
        _run(item, idea.note)
    if not action.ideas:
        document.add_paragraph(gettext("No published idea is linked to this action."))

    document.add_heading(gettext("Progress so far"), level=3)
    for update in action.updates:
        item = document.add_paragraph(style=BULLET)
        _run(item, date_format(update.happened_on, "j F Y")).bold = True
        _run(item, " (" + gettext("%(percent)s%% done") % {"percent": update.progress} + "): ")
        _localized_run(item, update.text)
    if not action.updates:
        document.add_paragraph(gettext("No progress reported yet."))


def plan_docx(content: PlanContent) -> bytes:
    with translation.override(content.language):
        document = docx.Document()
        _set_language(document.styles["Normal"].element, content.language)
        defaults = document.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            for lang in defaults.iter(qn("w:lang")):
                lang.set(qn("w:val"), _word_language(content.language))
        document.styles["Normal"].font.size = Pt(11)

        properties = document.core_properties
        properties.title = _safe(content.title)
        properties.subject = _safe(content.subtitle)
        properties.language = _word_language(content.language)
        properties.author = "EquityHub"
        properties.last_modified_by = "EquityHub"
        properties.created = content.made_at
        properties.modified = content.made_at

        title = document.add_heading(level=0)
        _run(title, content.title)
        document.add_paragraph(_safe(content.subtitle), style="Subtitle")
        made_on = date_format(content.made_at, "j F Y")
        document.add_paragraph(gettext("Made on %(date)s.") % {"date": made_on})
        if content.has_fallbacks:
            document.add_paragraph(
                gettext(
                    "Some of this text is not yet available in Welsh, so it is shown in English."
                )
            )

        document.add_heading(gettext("Summary"), level=1)
        summary = content.summary
        for label, number in (
            (gettext("Ideas received"), summary.ideas_received),
            (gettext("Ideas that shaped an action"), summary.ideas_shaping_actions),
            (gettext("Actions"), summary.actions),
            (gettext("Actions done"), summary.actions_done),
        ):
            item = document.add_paragraph(style=BULLET)
            _run(item, f"{label}: ")
            _run(item, str(number)).bold = True

        for section in content.sections:
            document.add_heading(_safe(section.label), level=1)
            for action in section.actions:
                _action(document, action)
            if not section.actions:
                document.add_paragraph(gettext("No actions at this level yet."))

        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
