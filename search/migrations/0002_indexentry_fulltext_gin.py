"""PostgreSQL: a GIN index on Wagtail's combined title || body search vector."""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    # Wagtail's database backend matches ``title || body @@ query`` on PostgreSQL; without an
    # index on that expression every search scans and concatenates all vectors. The index
    # serves the public database search and Wagtail's admin search alike.
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING GIN ((title || body))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
