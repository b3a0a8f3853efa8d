"""A title-only FTS5 index on SQLite, so that finding title matches reads titles only.

Restricting the main index to its title column (`{title} : word`) still walks the word's
whole document list, text occurrences included: for a word on every page, that is every
page. A separate index of titles holds only title occurrences. PostgreSQL already has
its own title vector and GIN index (migration 0004).
"""

from django.db import migrations

CREATE = [
    """
    CREATE VIRTUAL TABLE wiki_search_title_fts USING fts5(
        title,
        content='wiki_searchdocument', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8'
    )
    """,
    """
    CREATE TRIGGER wiki_search_title_fts_insert AFTER INSERT ON wiki_searchdocument
    BEGIN
        INSERT INTO wiki_search_title_fts(rowid, title) VALUES (new.page_id, new.title);
    END
    """,
    """
    CREATE TRIGGER wiki_search_title_fts_delete AFTER DELETE ON wiki_searchdocument
    BEGIN
        INSERT INTO wiki_search_title_fts(wiki_search_title_fts, rowid, title)
        VALUES ('delete', old.page_id, old.title);
    END
    """,
    """
    CREATE TRIGGER wiki_search_title_fts_update AFTER UPDATE ON wiki_searchdocument
    WHEN old.title IS NOT new.title
    BEGIN
        INSERT INTO wiki_search_title_fts(wiki_search_title_fts, rowid, title)
        VALUES ('delete', old.page_id, old.title);
        INSERT INTO wiki_search_title_fts(rowid, title) VALUES (new.page_id, new.title);
    END
    """,
    "INSERT INTO wiki_search_title_fts(wiki_search_title_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER wiki_search_title_fts_update",
    "DROP TRIGGER wiki_search_title_fts_delete",
    "DROP TRIGGER wiki_search_title_fts_insert",
    "DROP TABLE wiki_search_title_fts",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("wiki", "0006_search_prefix_indexes")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
