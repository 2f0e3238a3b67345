"""Supports clicked at the same moment by many members leave an exact count.

Runs against PostgreSQL, where requests really do run at once; SQLite serialises writers.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from equityhub.accounts.tests.factories import UserFactory
from equityhub.campaigns.models import IdeasWindow
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.ideas import services
from equityhub.ideas.models import Idea, Support


@pytest.mark.django_db(transaction=True)
def test_concurrent_supports_and_withdrawals_leave_an_exact_count():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time, so nothing here could race")
    campaign = CampaignFactory.create(ideas_window=IdeasWindow.OPEN)
    author = UserFactory()
    idea = services.idea_create(
        author=author,
        campaign=campaign,
        title="Concurrent",
        body="Clicked by many",
        level="individual",
        language="en",
    )
    members = UserFactory.create_batch(12)

    def click(member, times):
        from django.db import connections

        try:
            for i in range(times):
                fresh = Idea.objects.select_related("campaign").get(pk=idea.pk)
                if i % 2 == 0:
                    services.support_add(idea=fresh, user=member)
                else:
                    services.support_remove(idea=fresh, user=member)
        finally:
            connections.close_all()

    # Two windows per member, clicking at once: whatever order the clicks land in, the count
    # must equal the supports that exist.
    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda m: click(m, 5), members * 2))

    idea.refresh_from_db()
    assert idea.support_count == Support.objects.filter(idea=idea).count()
    assert 0 < idea.support_count <= 12
