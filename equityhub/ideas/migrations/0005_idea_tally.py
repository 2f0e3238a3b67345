"""The ideas' tally (IdeaTally), kept exact by triggers on the ideas table, and filled from the
ideas there are. SQLite and PostgreSQL write triggers differently, so each has its own."""

import django.db.models.deletion
from django.db import migrations, models

GROUP = "campaign_id, status, level, language"
SAME_GROUP = (
    "campaign_id = {row}.campaign_id AND status = {row}.status"
    " AND level = {row}.level AND language = {row}.language"
)
GROUP_CHANGED = (
    "old.campaign_id <> new.campaign_id OR old.status <> new.status"
    " OR old.level <> new.level OR old.language <> new.language"
)


def _count_in(row):
    return (
        f"INSERT INTO ideas_ideatally ({GROUP}, ideas)"  # noqa: S608
        f" VALUES ({row}.campaign_id, {row}.status, {row}.level, {row}.language, 1)"
        f" ON CONFLICT ({GROUP}) DO UPDATE SET ideas = ideas_ideatally.ideas + 1"
    )


def _count_out(row):
    return f"UPDATE ideas_ideatally SET ideas = ideas - 1 WHERE {SAME_GROUP.format(row=row)}"  # noqa: S608


SQLITE = [
    f"""CREATE TRIGGER ideas_idea_tally_insert AFTER INSERT ON ideas_idea BEGIN
        {_count_in("new")};
    END""",
    f"""CREATE TRIGGER ideas_idea_tally_delete AFTER DELETE ON ideas_idea BEGIN
        {_count_out("old")};
    END""",
    f"""CREATE TRIGGER ideas_idea_tally_update
        AFTER UPDATE OF {GROUP} ON ideas_idea WHEN {GROUP_CHANGED} BEGIN
        {_count_out("old")};
        {_count_in("new")};
    END""",
]
SQLITE_UNDO = [
    f"DROP TRIGGER IF EXISTS ideas_idea_tally_{event}" for event in ("insert", "delete", "update")
]

POSTGRESQL = [
    f"""CREATE FUNCTION ideas_idea_tally() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            {_count_out("OLD")};
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            {_count_in("NEW")};
        END IF;
        RETURN NULL;
    END
    $$""",
    """CREATE TRIGGER ideas_idea_tally_insert_delete AFTER INSERT OR DELETE ON ideas_idea
        FOR EACH ROW EXECUTE FUNCTION ideas_idea_tally()""",
    f"""CREATE TRIGGER ideas_idea_tally_update AFTER UPDATE OF {GROUP} ON ideas_idea
        FOR EACH ROW WHEN ({GROUP_CHANGED}) EXECUTE FUNCTION ideas_idea_tally()""",
]
POSTGRESQL_UNDO = [
    "DROP TRIGGER IF EXISTS ideas_idea_tally_update ON ideas_idea",
    "DROP TRIGGER IF EXISTS ideas_idea_tally_insert_delete ON ideas_idea",
    "DROP FUNCTION IF EXISTS ideas_idea_tally()",
]

FILL = (
    f"INSERT INTO ideas_ideatally ({GROUP}, ideas)"  # noqa: S608
    f" SELECT {GROUP}, COUNT(*) FROM ideas_idea GROUP BY {GROUP}"
)


def keep_tally(apps, schema_editor):
    statements = POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in [*statements, FILL]:
        schema_editor.execute(statement)


def stop_tally(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in POSTGRESQL_UNDO if vendor == "postgresql" else SQLITE_UNDO:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_campaign_ideas_close_at_campaign_ideas_open_at_and_more"),
        ("ideas", "0004_listed_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="IdeaTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Awaiting review"),
                            ("published", "Published"),
                            ("under_consideration", "Under consideration"),
                            ("accepted", "Accepted"),
                            ("not_taken_forward", "Not taken forward"),
                            ("in_action_plan", "In the action plan"),
                            ("implemented", "Implemented"),
                            ("withdrawn", "Withdrawn by its author"),
                            ("hidden", "Hidden by a moderator"),
                            ("rejected", "Rejected by a moderator"),
                            ("merged", "Merged into another idea"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("individual", "What each of us can do"),
                            ("profession", "What the profession can do"),
                            ("professional_body", "What the professional body can do"),
                            ("government", "What to call on governments to do"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "language",
                    models.CharField(choices=[("en", "English"), ("cy", "Cymraeg")], max_length=2),
                ),
                ("ideas", models.PositiveIntegerField(default=0)),
                (
                    "campaign",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="campaigns.campaign",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("campaign", "status", "level", "language"),
                        name="idea_tally_one_per_group",
                    )
                ],
            },
        ),
        migrations.RunPython(keep_tally, stop_tally),
    ]
