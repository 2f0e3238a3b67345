"""`manage.py send_team_digests`: queue each team's weekly digest of ideas awaiting a response.

Run it once a week from cron or a systemd timer (docs/operations.md); the task worker sends the
email. Teams with nothing waiting send nothing.
"""

from typing import Any

from django.core.management.base import BaseCommand

from equityhub.actions import selectors
from equityhub.actions.tasks import send_team_digest


class Command(BaseCommand):
    help = "Queue the weekly digest of ideas awaiting a response, one task per team."

    def handle(self, *args: Any, **options: Any) -> None:
        team_ids = list(selectors.teams().values_list("pk", flat=True))
        for team_id in team_ids:
            send_team_digest.enqueue(team_id=team_id)
        self.stdout.write(
            self.style.SUCCESS(f"Queued the weekly digest for {len(team_ids)} teams.")
        )
