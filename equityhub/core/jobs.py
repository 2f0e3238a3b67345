"""Slow work with visible progress.

A view starts a job (`job_start`), which enqueues the app's task once the transaction commits
and sends the person to the job's page. The task hands its work to `job_run`, which keeps the
job's state and progress current while the page polls it. See docs/decisions/0004-tasks.md.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from equityhub.core.models import Job, JobState

logger = logging.getLogger(__name__)

ReportProgress = Callable[[int, str], None]


@dataclass(frozen=True, slots=True)
class JobFile:
    """A file a job made, for the person to download."""

    name: str
    content: bytes
    content_type: str


Work = Callable[[Job, ReportProgress], JobFile | None]


def job_start(
    *,
    kind: str,
    task: Any,
    title: str,
    language: str,
    owner: Any = None,
    key: str = "",
    return_url: str = "",
    **task_arguments: Any,
) -> Job:
    """Start a job, or return the one already making the same thing (same `key` and owner).

    A failed job is never reused, so asking again retries. `task` is a Django task taking
    `job_id` and `task_arguments`.
    """
    with transaction.atomic():
        if key:
            existing = (
                Job.objects.filter(key=key, owner=owner)
                .exclude(state=JobState.FAILED)
                .order_by("-created_at")
                .first()
            )
            if existing is not None:
                return existing
        job = Job.objects.create(
            kind=kind,
            key=key,
            owner=owner,
            language=language,
            title=title[:200],
            return_url=return_url,
        )
        job_id = str(job.pk)
        transaction.on_commit(lambda: task.enqueue(job_id=job_id, **task_arguments))
    return job


def job_run(job_id: str, work: Work) -> None:
    """Run `work` for a job, in the job's language, recording progress, result or failure."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.is_finished:
        return
    jobs = Job.objects.filter(pk=job.pk)
    jobs.update(state=JobState.RUNNING, progress=0)

    def report(percent: int, step: str) -> None:
        jobs.update(progress=max(0, min(100, percent)), step=step[:200])

    try:
        with translation.override(job.language):
            made = work(job, report)
    except Exception:
        # The person sees a plain message and may ask again; operators get the traceback.
        logger.exception("job failed", extra={"job": job_id, "kind": job.kind})
        with translation.override(job.language):
            error = gettext("Something went wrong while this was being prepared. Please try again.")
        jobs.update(state=JobState.FAILED, error=error, finished_at=timezone.now())
        return
    if made is not None:
        job.result.save(f"{job.pk}-{made.name}", ContentFile(made.content), save=False)
        jobs.update(result=job.result.name, result_name=made.name, result_type=made.content_type)
    jobs.update(state=JobState.DONE, progress=100, finished_at=timezone.now())


def job_for_viewer(job_id: Any, user: Any) -> Job | None:
    """The job if this person may follow it: a public job, or their own."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None:
        return None
    if job.owner_id is None or (user.is_authenticated and job.owner_id == user.pk):
        return job
    return None


def latest_job(*, kind: str, key: str = "") -> Job | None:
    """The newest job of a kind (and key), for pages that show the last run of an analysis."""
    jobs = Job.objects.filter(kind=kind)
    if key:
        jobs = jobs.filter(key=key)
    return jobs.order_by("-created_at").first()
