"""On SQLite, the FTS5 index also holds each document's content type, so that a search within
one model (the ideas list's) reads only that model's documents instead of checking every hit
against its row: with most documents being comments, that was most of a searched list's cost."""

from django.db import migrations

COLUMNS = {
    "before": ("title", "body"),
    "after": ("title", "body", "content_type_id"),
}


def _statements(columns):
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        "DROP TRIGGER IF EXISTS core_searchdocument_au",
        "DROP TRIGGER IF EXISTS core_searchdocument_ad",
        "DROP TRIGGER IF EXISTS core_searchdocument_ai",
        "DROP TABLE IF EXISTS core_searchdocument_fts",
        f"""
        CREATE VIRTUAL TABLE core_searchdocument_fts USING fts5(
            {names}, content='core_searchdocument', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )
        """,
        f"""
        CREATE TRIGGER core_searchdocument_ai AFTER INSERT ON core_searchdocument BEGIN
            INSERT INTO core_searchdocument_fts(rowid, {names}) VALUES (new.id, {new});
        END
        """,
        f"""
        CREATE TRIGGER core_searchdocument_ad AFTER DELETE ON core_searchdocument BEGIN
            INSERT INTO core_searchdocument_fts(core_searchdocument_fts, rowid, {names})
            VALUES ('delete', old.id, {old});
        END
        """,
        f"""
        CREATE TRIGGER core_searchdocument_au AFTER UPDATE ON core_searchdocument BEGIN
            INSERT INTO core_searchdocument_fts(core_searchdocument_fts, rowid, {names})
            VALUES ('delete', old.id, {old});
            INSERT INTO core_searchdocument_fts(rowid, {names}) VALUES (new.id, {new});
        END
        """,
        "INSERT INTO core_searchdocument_fts(core_searchdocument_fts) VALUES ('rebuild')",
    ]


def _rebuild(columns):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in _statements(columns):
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0005_search_hit_index")]

    operations = [
        migrations.RunPython(_rebuild(COLUMNS["after"]), _rebuild(COLUMNS["before"])),
    ]
