"""Taking the plan away: the document made in the background, and the CSV of actions."""

import csv
import io
import re
from datetime import date

import pytest
from docx import Document

from equityhub.actions import services
from equityhub.actions.models import Action, ActionIdea, ActionStatus
from equityhub.actions.tests.factories import ActionFactory, TeamFactory
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.core.models import Job, JobState
from equityhub.ideas.models import Level, Status
from equityhub.ideas.tests.factories import IdeaFactory, current_campaign

pytestmark = pytest.mark.django_db

DOWNLOAD = "/action-plan/download/"
CSV = "/action-plan/actions.csv"
JOB_PAGE = re.compile(r"^/(?:cy/)?jobs/([0-9a-f-]{36})/$")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def plan():
    team = TeamFactory.create(name_en="Learning and development", name_cy="Dysgu a datblygu")
    idea = IdeaFactory.create(title="Teach health equity to every student")
    published = ActionFactory.create(
        team=team,
        title_en="A module on health equity",
        title_cy="Modiwl ar degwch iechyd",
        ideas=[idea],
    )
    ActionFactory.create(team=team, title_en="A draft nobody may see", status=ActionStatus.DRAFT)
    return {"action": published, "idea": idea, "team": team}


def _ask(client, capture, **fields):
    data = {"format": "pdf", "language": "en", **fields}
    with capture(execute=True):
        return client.post(DOWNLOAD, data)


def _job(response) -> Job:
    match = JOB_PAGE.match(response["Location"])
    assert match, response["Location"]
    return Job.objects.get(pk=match[1])


# The document -------------------------------------------------------------------------------


def test_a_visitor_asks_for_the_welsh_pdf_follows_the_job_and_downloads_it(
    client, django_capture_on_commit_callbacks, plan
):
    response = _ask(client, django_capture_on_commit_callbacks, language="cy")

    assert response.status_code == 302
    job = _job(response)
    assert job.owner is None
    assert job.state == JobState.DONE
    page = client.get(response["Location"])
    assert page.status_code == 200
    download = f"/jobs/{job.pk}/download/"
    assert download in page.content.decode()

    file = client.get(download)
    assert file.status_code == 200
    assert file["Content-Type"] == "application/pdf"
    assert "-action-plan-cy.pdf" in file["Content-Disposition"]
    assert b"".join(file.streaming_content).startswith(b"%PDF-")


def test_the_word_document_downloads_and_opens(client, django_capture_on_commit_callbacks, plan):
    job = _job(_ask(client, django_capture_on_commit_callbacks, format="docx"))

    file = client.get(f"/jobs/{job.pk}/download/")

    assert file["Content-Type"].endswith("wordprocessingml.document")
    document = Document(io.BytesIO(b"".join(file.streaming_content)))
    titles = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 2"]
    assert titles == ["A module on health equity"]  # the draft is not in it


def test_the_second_visitor_gets_the_same_file_and_a_change_makes_a_new_one(
    client, django_capture_on_commit_callbacks, editor, plan
):
    first = _job(_ask(client, django_capture_on_commit_callbacks))
    second = _job(_ask(client, django_capture_on_commit_callbacks))
    welsh = _job(_ask(client, django_capture_on_commit_callbacks, language="cy"))
    word = _job(_ask(client, django_capture_on_commit_callbacks, format="docx"))

    assert second.pk == first.pk
    assert len({first.pk, welsh.pk, word.pk}) == 3

    services.progress_update_add(
        action=plan["action"],
        actor=editor,
        happened_on=date(2025, 5, 1),
        text_en="Begun",
        progress=20,
    )
    after_progress = _job(_ask(client, django_capture_on_commit_callbacks))
    assert after_progress.pk != first.pk

    # A new draft changes nothing anyone can read, so the document stays the same.
    ActionFactory.create(team=plan["team"], status=ActionStatus.DRAFT)
    assert _job(_ask(client, django_capture_on_commit_callbacks)).pk == after_progress.pk


def test_a_failed_job_is_tried_again(client, django_capture_on_commit_callbacks, plan):
    first = _job(_ask(client, django_capture_on_commit_callbacks))
    Job.objects.filter(pk=first.pk).update(state=JobState.FAILED)

    again = _job(_ask(client, django_capture_on_commit_callbacks))

    assert again.pk != first.pk
    assert again.state == JobState.DONE


def test_the_job_is_titled_in_the_language_of_the_document(
    client, django_capture_on_commit_callbacks, plan
):
    job = _job(_ask(client, django_capture_on_commit_callbacks, format="docx"))

    assert job.title == f"{current_campaign().title_en}: the action plan as a Word document"
    assert job.language == "en"
    assert job.return_url == "/action-plan/"


@pytest.mark.parametrize(
    "fields",
    [{"format": "exe"}, {"language": "fr"}, {"format": ""}, {"campaign": "<script>"}],
)
def test_bad_choices_go_back_to_the_plan_with_a_message(
    client, django_capture_on_commit_callbacks, plan, fields
):
    response = _ask(client, django_capture_on_commit_callbacks, **fields)

    assert response.status_code == 302
    assert response["Location"] == "/action-plan/"
    page = client.get(response["Location"])
    assert "Choose a format and a language for the download." in page.content.decode()
    assert not Job.objects.exists()


def test_an_unknown_campaign_is_not_found_and_reading_is_not_asking(client, plan):
    assert (
        client.post(DOWNLOAD, {"format": "pdf", "language": "en", "campaign": "nope"}).status_code
        == 404
    )
    assert client.get(DOWNLOAD).status_code == 405


def test_the_plan_page_offers_the_downloads_in_its_language(client, plan):
    html = client.get("/cy/action-plan/").content.decode()

    assert 'action="/cy/action-plan/download/"' in html
    assert re.search(r'value="cy"\s+checked', html)
    assert not re.search(r'value="en"\s+checked', html)
    assert 'for="download-format-docx"' in html
    assert f'href="/cy/action-plan/actions.csv?campaign={current_campaign().slug}"' in html
    english = client.get("/action-plan/").content.decode()
    assert re.search(r'value="en"\s+checked', english)
    assert "Prepare the download" in english


# The CSV ------------------------------------------------------------------------------------


def _rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_csv_lists_published_actions_with_both_titles_and_their_ideas(client, plan):
    second = IdeaFactory.create(title="Placements\nin the community")
    ActionIdea.objects.create(action=plan["action"], idea=second, note="Also")
    ActionIdea.objects.create(
        action=plan["action"], idea=IdeaFactory.create(status=Status.HIDDEN), note="x"
    )
    ActionFactory.create(campaign=CampaignFactory.create(), title_en="Another campaign's")

    response = client.get(CSV)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="action-plan-' in response["Content-Disposition"]
    rows = _rows(response)
    assert len(rows) == 1
    row = rows[0]
    assert row["title_en"] == "A module on health equity"
    assert row["title_cy"] == "Modiwl ar degwch iechyd"
    assert row["team"] == "Learning and development"
    assert row["level"] == "profession"
    assert row["status"] == "planned"
    assert row["idea_ids"] == f"{plan['idea'].pk} {second.pk}"
    assert row["idea_titles"].splitlines() == [
        "Teach health equity to every student",
        "Placements in the community",
    ]
    assert row["url"] == f"http://testserver/action-plan/{plan['action'].pk}/"


def test_the_csv_keeps_formulas_as_text(client, plan):
    Action.objects.filter(pk=plan["action"].pk).update(title_en='=HYPERLINK("http://x")')
    plan["idea"].title = "@SUM(A1)"
    plan["idea"].save()

    row = _rows(client.get(CSV))[0]

    assert row["title_en"] == '\'=HYPERLINK("http://x")'
    assert row["idea_titles"] == "'@SUM(A1)"


def test_the_csv_follows_the_campaign_asked_for(client, plan):
    other = CampaignFactory.create(slug="ot-week-2020")
    ActionFactory.create(campaign=other, title_en="Back in 2020", level=Level.GOVERNMENT)

    assert [row["title_en"] for row in _rows(client.get(CSV, {"campaign": "ot-week-2020"}))] == [
        "Back in 2020"
    ]
    assert client.get(CSV, {"campaign": "nope"}).status_code == 404
    assert client.get(CSV, {"campaign": "\x00"}).status_code == 404
    assert client.get("/cy" + CSV).status_code == 200


@pytest.mark.parametrize("count", [10, 500])
def test_the_csv_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    campaign = current_campaign()
    team = TeamFactory.create()
    idea = IdeaFactory.create()
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
    ActionIdea.objects.bulk_create(ActionIdea(action=a, idea=idea, note="n") for a in actions)

    # The campaign, the actions with their teams, their themes and their ideas.
    with django_assert_max_num_queries(4):
        response = client.get(CSV)

    assert len(_rows(response)) == count
