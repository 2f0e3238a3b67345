"""Background work for ideas: followers' email, theme suggestions and clusters of ideas."""

from typing import Any

from django.tasks import task

from equityhub.core.jobs import ReportProgress, job_run


@task()
def send_idea_news(*, recipient_id: int, idea_id: int) -> int:
    """Send one email with everything unsent about an idea to one member; returns 1 if sent."""
    from equityhub.ideas.emails import send_news

    return send_news(recipient_id=recipient_id, idea_id=idea_id)


# Theme suggestions and clusters of similar ideas: slow work shown as a job's progress.


@task()
def train_theme_suggestions(*, job_id: str, campaign_id: int) -> None:
    """Learn the campaign's themes from its themed ideas and suggest themes for the others."""
    from equityhub.ideas.analysis_services import theme_suggestions_train

    def work(job: Any, report: ReportProgress) -> None:
        theme_suggestions_train(job_id=job_id, campaign_id=campaign_id, report=report)

    job_run(job_id, work)


@task()
def cluster_ideas(*, job_id: str, campaign_id: int) -> None:
    """Group the campaign's ideas into clusters of ideas that read alike."""
    from equityhub.ideas.analysis_services import clusters_build

    def work(job: Any, report: ReportProgress) -> None:
        clusters_build(job_id=job_id, campaign_id=campaign_id, report=report)

    job_run(job_id, work)
