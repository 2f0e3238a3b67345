"""Background work for the action plan: its documents, and each team's weekly digest."""

from django.tasks import task
from django.utils.translation import gettext

from equityhub.core.jobs import JobFile, ReportProgress, job_run
from equityhub.core.models import Job


@task()
def export_plan(*, job_id: str, campaign_id: int, document_format: str, language: str = "") -> None:
    """Write the campaign's published plan as a PDF or Word file in `language`, for a job.

    The language is the job's own when not given (`job_start` keeps it for the job).
    """
    # Imported when the task runs, as the other tasks do; plan_file loads WeasyPrint or
    # python-docx only then, so web processes never load them.
    from equityhub.actions.documents import plan_content, plan_file
    from equityhub.campaigns.models import Campaign

    def work(job: Job, report: ReportProgress) -> JobFile:
        report(5, gettext("Reading the action plan"))
        campaign = Campaign.objects.get(pk=campaign_id)
        content = plan_content(campaign, language or job.language)
        report(40, gettext("Writing the document"))
        made = plan_file(content, document_format)
        report(95, gettext("Saving the file"))
        return made

    job_run(job_id, work)


# Level routing: each team's weekly digest of the ideas awaiting its response.


@task()
def send_team_digest(*, team_id: int) -> int:
    """Email a team's digest to each of its active members; returns how many were sent."""
    from equityhub.actions.emails import send_team_digest as send

    return send(team_id=team_id)
