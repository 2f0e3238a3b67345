"""On PostgreSQL, an index of the ideas' own text, in English and as plain words, that the
ideas list searches through (`equityhub.ideas.search.IDEA_TEXT`, which must be the same
expression). SQLite searches the site's FTS5 index and needs nothing here."""

from django.db import migrations

INDEX = "idea_text_search"
IDEA_TEXT = (
    "(to_tsvector('english'::regconfig, title || ' ' || body)"
    " || to_tsvector('simple'::regconfig, title || ' ' || body))"
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX {INDEX} ON ideas_idea USING gin ({IDEA_TEXT})")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("ideas", "0006_merged_ideas_go_with_their_target")]

    operations = [migrations.RunPython(create_index, drop_index)]
