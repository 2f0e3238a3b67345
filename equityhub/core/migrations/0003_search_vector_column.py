"""Store each search document's text search vector (decision 0006).

PostgreSQL: a stored generated column with one GIN index on it replaces the two expression
indexes, with which every match re-parsed the text of its candidates to check and rank them.
SQLite searches through its FTS5 table and gets a virtual column that is always NULL: adding a
stored column there would rebuild the table and lose the FTS5 triggers.
"""

import django.contrib.postgres.search
from django.db import migrations, models

import equityhub.core.models

POSTGRES_FORWARD = [
    """
    ALTER TABLE core_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        CASE WHEN language = 'en' THEN
            setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, COALESCE(body, '')), 'B')
        ELSE
            setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')), 'A')
            || setweight(to_tsvector('simple'::regconfig, COALESCE(body, '')), 'B')
        END
    ) STORED
    """,
    "CREATE INDEX core_searchdocument_vector ON core_searchdocument USING gin (vector)",
    "DROP INDEX IF EXISTS core_searchdocument_en_fts",
    "DROP INDEX IF EXISTS core_searchdocument_cy_fts",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS core_searchdocument_vector",
    "ALTER TABLE core_searchdocument DROP COLUMN vector",
]
SQLITE_FORWARD = [
    "ALTER TABLE core_searchdocument ADD COLUMN vector text GENERATED ALWAYS AS (NULL) VIRTUAL",
]
SQLITE_BACKWARD = ["ALTER TABLE core_searchdocument DROP COLUMN vector"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0002_search_fts5")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="searchdocument",
                    name="vector",
                    field=models.GeneratedField(
                        db_persist=True,
                        expression=equityhub.core.models.DocumentVector(),
                        output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                    ),
                ),
            ],
            database_operations=[
                migrations.RunPython(
                    _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
                    _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
                ),
            ],
        ),
    ]
