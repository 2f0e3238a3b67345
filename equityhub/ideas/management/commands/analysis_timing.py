"""`manage.py analysis_timing`: how long theme suggestions and clustering take, for `make bench`.

Runs both analyses of one campaign's ideas exactly as the background jobs do (through
`job_run` and the services, reading and writing the database), one after the other in this
process, and prints what they took as JSON. It replaces that campaign's suggestions still
waiting for a decision and its clusters, as running them from the staff pages would.
"""

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from equityhub.campaigns.models import Campaign
from equityhub.core.jobs import ReportProgress, job_run
from equityhub.core.models import Job, JobState
from equityhub.ideas import analysis_services
from equityhub.ideas.models import AnalysisKind, AnalysisRun, Idea

# The target: each analysis of 5,000 ideas within this many seconds.
TARGET_SECONDS = 30


class Command(BaseCommand):
    help = "Time theme suggestions and clustering of a campaign's ideas; print JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--campaign", default="", help="the campaign's slug (default: the current one)"
        )
        parser.add_argument("--summary", type=Path, help="also write the figures here")

    def handle(self, *args: Any, **options: Any) -> None:
        campaigns = Campaign.objects.all()
        campaign = (
            campaigns.filter(slug=options["campaign"]).first()
            if options["campaign"]
            else campaigns.filter(is_current=True).first()
        )
        if campaign is None:
            raise CommandError("There is no such campaign.")
        train = self.timed(campaign, AnalysisKind.THEMES)
        cluster = self.timed(campaign, AnalysisKind.CLUSTERS)
        figures = {
            "campaign": campaign.slug,
            "ideas": Idea.objects.public().filter(campaign=campaign).count(),
            "train_seconds": train[0],
            "suggestions": train[1].results,
            "trained_on": train[1].ideas,
            "cluster_seconds": cluster[0],
            "clusters": cluster[1].results,
            "target_seconds": TARGET_SECONDS,
        }
        if options["summary"]:
            options["summary"].write_text(json.dumps(figures, indent=2) + "\n")
        self.stdout.write(json.dumps(figures))

    def timed(self, campaign: Campaign, kind: AnalysisKind) -> tuple[float, AnalysisRun]:
        job = Job.objects.create(
            kind=analysis_services.JOB_KINDS[kind],
            language="en",
            title=str(analysis_services.JOB_TITLES[kind]),
        )
        AnalysisRun.objects.create(campaign=campaign, kind=kind, job=job)
        service = (
            analysis_services.theme_suggestions_train
            if kind == AnalysisKind.THEMES
            else analysis_services.clusters_build
        )

        def work(job: Job, report: ReportProgress) -> None:
            service(job_id=str(job.pk), campaign_id=campaign.pk, report=report)

        started = time.perf_counter()
        job_run(str(job.pk), work)
        seconds = round(time.perf_counter() - started, 2)
        job.refresh_from_db()
        if job.state != JobState.DONE:
            raise CommandError(f"The {kind} analysis failed: see the log.")
        return seconds, AnalysisRun.objects.get(job=job)
