"""On SQLite, an FTS5 index over core_searchdocument, kept in step by triggers."""

from django.db import migrations

SQLITE_CREATE = [
    """
    CREATE VIRTUAL TABLE core_searchdocument_fts USING fts5(
        title, body, content='core_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER core_searchdocument_ai AFTER INSERT ON core_searchdocument BEGIN
        INSERT INTO core_searchdocument_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END
    """,
    """
    CREATE TRIGGER core_searchdocument_ad AFTER DELETE ON core_searchdocument BEGIN
        INSERT INTO core_searchdocument_fts(core_searchdocument_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END
    """,
    """
    CREATE TRIGGER core_searchdocument_au AFTER UPDATE ON core_searchdocument BEGIN
        INSERT INTO core_searchdocument_fts(core_searchdocument_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO core_searchdocument_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS core_searchdocument_au",
    "DROP TRIGGER IF EXISTS core_searchdocument_ad",
    "DROP TRIGGER IF EXISTS core_searchdocument_ai",
    "DROP TABLE IF EXISTS core_searchdocument_fts",
]
# PostgreSQL: one GIN index per language, on the same expression the search backend queries.
POSTGRES_CREATE = [
    """
    CREATE INDEX core_searchdocument_en_fts ON core_searchdocument USING gin (
        (setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')
         || setweight(to_tsvector('english'::regconfig, COALESCE(body, '')), 'B'))
    ) WHERE language = 'en'
    """,
    """
    CREATE INDEX core_searchdocument_cy_fts ON core_searchdocument USING gin (
        (setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')), 'A')
         || setweight(to_tsvector('simple'::regconfig, COALESCE(body, '')), 'B'))
    ) WHERE language = 'cy'
    """,
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS core_searchdocument_en_fts",
    "DROP INDEX IF EXISTS core_searchdocument_cy_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
