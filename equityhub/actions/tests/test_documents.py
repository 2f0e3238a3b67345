"""The plan as a PDF and a Word document: what a reader finds in each, in each language."""

import io
import re
import zlib
from datetime import date

import pytest
from docx import Document
from weasyprint.formatting_structure import boxes

from equityhub.actions.documents import plan_content, plan_file, plan_fingerprint
from equityhub.actions.documents.blocks import BULLET, NUMBERED, QUOTE, markdown_blocks
from equityhub.actions.documents.pdf import plan_html, plan_pdf, plan_pdf_layout
from equityhub.actions.documents.word import plan_docx
from equityhub.actions.models import Action, ActionIdea, ActionStatus, ProgressUpdate
from equityhub.actions.tests.factories import ActionFactory, TeamFactory
from equityhub.ideas.models import Language, Level, Status
from equityhub.ideas.tests.factories import IdeaFactory, current_campaign

pytestmark = pytest.mark.django_db


def _pdf_text(content) -> str:
    """The words laid out on the PDF's pages, in reading order."""
    words = []
    for page in plan_pdf_layout(content).pages:
        for box in page._page_box.descendants():
            if isinstance(box, boxes.TextBox):
                words.append(box.text)
    return " ".join(" ".join(words).split())


def _pdf_objects(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated, to read its catalogue and metadata."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, flags=re.DOTALL):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


@pytest.fixture
def plan():
    """A published plan with a Welsh title, a title only in English, a draft and a timeline."""
    campaign = current_campaign()
    team = TeamFactory.create(
        name_en="Policy and public affairs", name_cy="Polisi a materion cyhoeddus"
    )
    idea = IdeaFactory.create(title="Fund more community placements", language=Language.ENGLISH)
    welsh_idea = IdeaFactory.create(title="Mwy o leoliadau yn y gymuned", language=Language.WELSH)
    welsh = ActionFactory.create(
        team=team,
        level=Level.PROFESSION,
        title_en="Work with universities on placements",
        title_cy="Gweithio gyda phrifysgolion ar leoliadau",
        description_en="We will **work** with universities.",
        description_cy="Byddwn yn **gweithio** gyda phrifysgolion.",
        target_date=date(2026, 3, 31),
        progress=40,
        status=ActionStatus.IN_PROGRESS,
    )
    ActionIdea.objects.create(
        action=welsh, idea=idea, note="It asked for placements in the community."
    )
    ActionIdea.objects.create(action=welsh, idea=welsh_idea, note="It named rural areas.")
    ProgressUpdate.objects.create(
        action=welsh,
        happened_on=date(2025, 11, 4),
        text_en="Three universities agreed to take part.",
        text_cy="Cytunodd tair prifysgol i gymryd rhan.",
        progress=40,
        status=ActionStatus.IN_PROGRESS,
    )
    english_only = ActionFactory.create(
        team=team,
        level=Level.GOVERNMENT,
        title_en="Ask ministers to fund social prescribing",
        title_cy="",
        description_en="A letter to ministers.",
        description_cy="",
    )
    ActionFactory.create(
        team=team,
        level=Level.PROFESSION,
        title_en="A secret draft about budgets",
        title_cy="Drafft cyfrinachol",
        status=ActionStatus.DRAFT,
    )
    return {"campaign": campaign, "welsh": welsh, "english_only": english_only, "idea": idea}


def test_the_welsh_pdf_is_in_welsh_with_english_where_the_welsh_is_missing(plan) -> None:
    content = plan_content(plan["campaign"], "cy")
    text = _pdf_text(content)

    assert "Gweithio gyda phrifysgolion ar leoliadau" in text
    assert "Work with universities on placements" not in text
    assert "Ask ministers to fund social prescribing" in text  # no Welsh yet: the English
    assert "Polisi a materion cyhoeddus" in text
    assert "Beth all y proffesiwn ei wneud" in text  # the level, in Welsh
    assert "Cytunodd tair prifysgol i gymryd rhan." in text
    # Ideas stay in the language they were written in.
    assert "Fund more community placements" in text
    assert "Mwy o leoliadau yn y gymuned" in text


def test_english_shown_in_the_welsh_pdf_is_marked_as_english(plan) -> None:
    html = plan_html(plan_content(plan["campaign"], "cy"))

    assert '<html lang="cy">' in html
    assert '<h3 lang="en">Ask ministers to fund social prescribing</h3>' in html
    assert '<strong lang="cy">Mwy o leoliadau yn y gymuned</strong>' in html


def test_the_english_pdf_shows_every_part_of_each_action(plan) -> None:
    text = _pdf_text(plan_content(plan["campaign"], "en"))

    assert "Work with universities on placements" in text
    assert "Gweithio gyda phrifysgolion" not in text
    for words in (
        "You said, we did",
        "What the profession can do",
        "What to call on governments to do",
        "Policy and public affairs",
        "In progress",
        "40% done",
        "31 March 2026",
        "We will work with universities.",  # Markdown rendered, not shown as asterisks
        "Fund more community placements",
        "It asked for placements in the community.",
        "4 November 2025",
        "Three universities agreed to take part.",
        "Ideas received",
    ):
        assert words in text, words


def test_drafts_are_never_in_a_document(plan) -> None:
    for language in ("en", "cy"):
        content = plan_content(plan["campaign"], language)
        assert "secret draft" not in _pdf_text(content)
        assert "cyfrinachol" not in _pdf_text(content)
        docx = Document(io.BytesIO(plan_docx(content)))
        assert not any("secret draft" in p.text for p in docx.paragraphs)


def test_the_pdf_is_a_tagged_pdf_with_its_title_and_language(plan) -> None:
    content = plan_content(plan["campaign"], "cy")
    pdf = plan_pdf(content)
    layout = plan_pdf_layout(content)

    assert pdf.startswith(b"%PDF-")
    assert layout.metadata.title == content.title
    assert layout.metadata.lang == "cy"
    objects = _pdf_objects(pdf)
    assert b"/Lang (cy)" in objects
    assert b"/StructTreeRoot" in objects
    assert b"/H1" in objects


def test_the_word_document_has_real_headings_and_its_language(plan) -> None:
    content = plan_content(plan["campaign"], "cy")
    document = Document(io.BytesIO(plan_docx(content)))

    headings: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style else ""
        headings.setdefault(style or "", []).append(paragraph.text)
    assert headings["Title"] == [content.title]
    assert "Crynodeb" in headings["Heading 1"]
    assert "Beth all y proffesiwn ei wneud" in headings["Heading 1"]
    assert "Gweithio gyda phrifysgolion ar leoliadau" in headings["Heading 2"]
    assert "Ask ministers to fund social prescribing" in headings["Heading 2"]
    assert document.core_properties.title == content.title
    assert document.core_properties.language == "cy-GB"


def test_the_word_document_tables_each_actions_facts(plan) -> None:
    document = Document(io.BytesIO(plan_docx(plan_content(plan["campaign"], "en"))))

    tables = [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]
    assert [
        ["Owning team", "Status", "Progress", "Target date"],
        ["Policy and public affairs", "In progress", "40% done", "31 March 2026"],
    ] in tables
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Fund more community placements (idea" in text
    assert "It asked for placements in the community." in text
    assert "4 November 2025 (40% done): Three universities agreed to take part." in text


def test_the_word_document_keeps_emphasis_and_marks_english_in_welsh(plan) -> None:
    document = Document(io.BytesIO(plan_docx(plan_content(plan["campaign"], "cy"))))

    description = next(p for p in document.paragraphs if p.text.startswith("Byddwn yn"))
    assert [run.text for run in description.runs if run.bold] == ["gweithio"]
    fallback = next(p for p in document.paragraphs if p.text == "A letter to ministers.")
    languages = {tag for run in fallback.runs for tag in run._r.xpath("./w:rPr/w:lang/@w:val")}
    assert languages == {"en-GB"}


def test_an_empty_plan_still_makes_a_document(db) -> None:
    content = plan_content(current_campaign(), "en")

    assert content.is_empty
    assert "No actions at this level yet." in _pdf_text(content)
    made = plan_file(content, "docx")
    assert made.name.endswith("-action-plan-en.docx")
    assert made.content_type.endswith("wordprocessingml.document")


def test_text_word_cannot_hold_is_left_out_rather_than_failing(plan) -> None:
    Action.objects.filter(pk=plan["welsh"].pk).update(title_en="Odd\x0b title\x01")

    document = Document(io.BytesIO(plan_docx(plan_content(plan["campaign"], "en"))))

    assert "Odd title" in [p.text for p in document.paragraphs]


def _many_actions(count: int) -> None:
    campaign = current_campaign()
    team = TeamFactory.create()
    ideas = [IdeaFactory.create(), IdeaFactory.create(status=Status.HIDDEN)]
    actions = Action.objects.bulk_create(
        Action(
            campaign=campaign,
            team=team,
            level=Level.values[n % 4],
            title_en=f"Action {n}",
            description_en="Text",
            status=ActionStatus.PLANNED,
        )
        for n in range(count)
    )
    ActionIdea.objects.bulk_create(
        ActionIdea(action=action, idea=idea, note="Note") for action in actions for idea in ideas
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            action=action,
            happened_on=date(2025, 1, 1),
            text_en="Step",
            progress=10,
            status="planned",
        )
        for action in actions
    )


@pytest.mark.parametrize("count", [10, 500])
def test_the_content_takes_the_same_queries_however_many_actions(
    django_assert_num_queries, count
) -> None:
    _many_actions(count)
    campaign = current_campaign()

    with django_assert_num_queries(6):
        content = plan_content(campaign, "cy")
    with django_assert_num_queries(4):
        plan_fingerprint(campaign)

    actions = [action for section in content.sections for action in section.actions]
    assert len(actions) == count
    assert all(len(action.ideas) == 1 and len(action.updates) == 1 for action in actions)


def test_the_fingerprint_changes_with_the_plan_and_not_with_drafts(plan) -> None:
    campaign = plan["campaign"]
    before = plan_fingerprint(campaign)
    ActionFactory.create(title_en="Another draft", status=ActionStatus.DRAFT)
    assert plan_fingerprint(campaign) == before

    Action.objects.filter(pk=plan["welsh"].pk).update(version=5)
    assert plan_fingerprint(campaign) != before


def test_markdown_becomes_word_paragraphs() -> None:
    blocks = markdown_blocks(
        "See [the report](https://example.org/r) and **act**.\n\n"
        "- one\n- two\n\n1. first\n2. second\n\n> quoted\n\nLine one  \nLine two"
    )

    assert [block.style for block in blocks] == [
        "Normal",
        BULLET,
        BULLET,
        NUMBERED,
        NUMBERED,
        QUOTE,
        "Normal",
    ]
    assert blocks[0].text == "See the report (https://example.org/r) and act."
    assert [run.text for run in blocks[0].runs if run.bold] == ["act"]
    assert [block.text for block in blocks[3:5]] == ["1. first", "2. second"]
    assert blocks[-1].text == "Line one\nLine two"
