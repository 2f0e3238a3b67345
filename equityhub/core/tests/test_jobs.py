"""Slow work with visible progress: starting, reusing, running, failing and who may see it."""

import pytest
from django.tasks import task
from django.test import Client
from django.urls import reverse

from equityhub.accounts.tests.factories import UserFactory
from equityhub.core.jobs import JobFile, job_run, job_start
from equityhub.core.models import Job, JobState

pytestmark = pytest.mark.django_db


def _make_file(job, report):
    report(50, "Halfway")
    return JobFile(name="plan.txt", content=b"the plan", content_type="text/plain")


def _fail(job, report):
    raise RuntimeError("the printer is on fire")


@task()
def make_file(*, job_id: str) -> None:
    job_run(job_id, _make_file)


@task()
def fail(*, job_id: str) -> None:
    job_run(job_id, _fail)


def start(task_function, **kwargs) -> Job:
    return job_start(kind="test", task=task_function, title="Your file", language="en", **kwargs)


def test_a_job_runs_to_a_download_for_anyone_when_public(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = start(make_file, key="plan-v1")

    job.refresh_from_db()
    assert (job.state, job.progress, job.result_name) == (JobState.DONE, 100, "plan.txt")
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "Download plan.txt" in page
    download = client.get(reverse("core:job_download", args=[job.pk]))
    assert download["Content-Type"] == "text/plain"
    assert b"".join(download.streaming_content) == b"the plan"


def test_asking_again_for_the_same_thing_gets_the_same_job(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = start(make_file, key="plan-v1")
        again = start(make_file, key="plan-v1")
        changed = start(make_file, key="plan-v2")
    assert again.pk == first.pk
    assert changed.pk != first.pk


def test_a_failed_job_says_so_plainly_and_asking_again_retries(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        failed = start(fail, key="broken")
    failed.refresh_from_db()
    assert failed.state == JobState.FAILED
    page = client.get(reverse("core:job", args=[failed.pk])).content.decode()
    assert "Please try again." in page
    assert "printer" not in page
    assert client.get(reverse("core:job_download", args=[failed.pk])).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        retry = start(fail, key="broken")
    assert retry.pk != failed.pk


def test_a_running_job_polls_itself_and_shows_its_progress(client):
    job = Job.objects.create(
        kind="test", title="Your file", language="en", progress=40, state="running", step="Drawing"
    )
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert 'hx-trigger="load delay:1s"' in page
    assert 'value="40"' in page
    assert "Drawing" in page
    partial = client.get(reverse("core:job", args=[job.pk]), headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode()


def test_another_members_job_is_not_found(django_capture_on_commit_callbacks):
    owner, stranger = UserFactory.create(), UserFactory.create()
    with django_capture_on_commit_callbacks(execute=True):
        job = start(make_file, owner=owner)
    own, other = Client(), Client()
    own.force_login(owner)
    other.force_login(stranger)
    assert own.get(reverse("core:job_download", args=[job.pk])).status_code == 200
    assert other.get(reverse("core:job", args=[job.pk])).status_code == 404
    assert other.get(reverse("core:job_download", args=[job.pk])).status_code == 404
    assert Client().get(reverse("core:job", args=[job.pk])).status_code == 404


def test_the_job_page_speaks_welsh(client):
    job = Job.objects.create(kind="test", title="Eich ffeil", language="cy", state="queued")
    page = client.get("/cy" + reverse("core:job", args=[job.pk])).content.decode()
    assert '<html lang="cy"' in page
    assert "Check again" not in page
