"""`manage.py load_demo`: the 2019–2024 campaigns and one account per role. Safe to run twice."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from equityhub.accounts.demo import create_demo_accounts
from equityhub.campaigns.demo import load_demo_campaigns


class Command(BaseCommand):
    help = "Load the demo campaign content and demo accounts (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            campaigns = load_demo_campaigns()
            accounts = create_demo_accounts()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {campaigns} campaigns, {len(accounts)} demo accounts."
            )
        )
