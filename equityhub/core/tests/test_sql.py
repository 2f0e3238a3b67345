from django.db import connection
from django.utils import timezone

from equityhub.campaigns.models import Campaign
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.core.sql import ModelColumns, placeholders


def test_a_model_read_by_its_columns_is_the_one_the_orm_reads(db):
    campaign = CampaignFactory.create(
        is_current=True, ideas_premoderated=True, ideas_open_at=timezone.now()
    )
    columns = ModelColumns(Campaign, "c")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 7, {columns.sql} FROM campaigns_campaign c WHERE c.id = %s",  # noqa: S608
            [campaign.pk],
        )
        row = cursor.fetchone()

    made = columns.instance(row, start=1)

    from_orm = Campaign.objects.get(pk=campaign.pk)
    names = [field.attname for field in Campaign._meta.concrete_fields]
    assert [getattr(made, name) for name in names] == [getattr(from_orm, name) for name in names]
    assert made._state.adding is False  # saved, as a read model is
    # Times keep their zone on every database: pages show them in the site's own.
    assert made.ideas_open_at is not None
    assert made.ideas_open_at.tzinfo is not None
    assert made.ideas_premoderated is True


def test_placeholders_has_one_mark_per_value():
    assert placeholders([1, 2, 3]) == "%s, %s, %s"
