"""`manage.py load_demo`: the 2019–2024 campaigns, one account per role, the 2021 campaign's
themes, ideas and action plan. Safe to run twice."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from equityhub.accounts.demo import create_demo_accounts
from equityhub.actions.demo import load_demo_actions
from equityhub.campaigns.demo import load_demo_campaigns
from equityhub.ideas.demo import load_demo_ideas


class Command(BaseCommand):
    help = "Load the demo campaigns, demo accounts and demo ideas (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            campaigns = load_demo_campaigns()
            accounts = create_demo_accounts()
            ideas = load_demo_ideas()
            actions = load_demo_actions()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {campaigns} campaigns, {len(accounts)} demo accounts, "
                f"{ideas} ideas, {actions} actions."
            )
        )
