"""Prefix indexes for SQLite FTS5, so that a prefix word found on most pages is cheap.

Every search word is matched as a prefix. Without prefix indexes FTS5 merges the document
lists of every word that begins so, which for a very common word means reading them all;
with them it reads one list. The index grows about fivefold, which the embedded default
(a small wiki) does not notice.
"""

from django.db import migrations

PREFIX_LENGTHS = "2 3 4 5 6 7 8"


def recreate(prefix):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        option = f", prefix='{prefix}'" if prefix else ""
        schema_editor.execute("DROP TABLE wiki_search_fts")
        schema_editor.execute(
            f"""
            CREATE VIRTUAL TABLE wiki_search_fts USING fts5(
                title, text,
                content='wiki_searchdocument', content_rowid='page_id',
                tokenize='unicode61 remove_diacritics 2'{option}
            )
            """
        )
        schema_editor.execute(
            "INSERT INTO wiki_search_fts(wiki_search_fts) VALUES ('rebuild')"
        )

    return operation


class Migration(migrations.Migration):
    dependencies = [("wiki", "0005_files")]

    operations = [migrations.RunPython(recreate(PREFIX_LENGTHS), recreate(""))]
