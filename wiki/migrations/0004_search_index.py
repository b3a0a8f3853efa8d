"""The full-text index on SearchDocument, in the database's own engine."""

from html import unescape

from django.db import migrations
from django.utils.html import strip_tags

SQLITE_CREATE = [
    """
    CREATE VIRTUAL TABLE wiki_search_fts USING fts5(
        title, text,
        content='wiki_searchdocument', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER wiki_search_fts_insert AFTER INSERT ON wiki_searchdocument BEGIN
        INSERT INTO wiki_search_fts(rowid, title, text)
        VALUES (new.page_id, new.title, new.text);
    END
    """,
    """
    CREATE TRIGGER wiki_search_fts_delete AFTER DELETE ON wiki_searchdocument BEGIN
        INSERT INTO wiki_search_fts(wiki_search_fts, rowid, title, text)
        VALUES ('delete', old.page_id, old.title, old.text);
    END
    """,
    """
    CREATE TRIGGER wiki_search_fts_update AFTER UPDATE ON wiki_searchdocument BEGIN
        INSERT INTO wiki_search_fts(wiki_search_fts, rowid, title, text)
        VALUES ('delete', old.page_id, old.title, old.text);
        INSERT INTO wiki_search_fts(rowid, title, text)
        VALUES (new.page_id, new.title, new.text);
    END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER wiki_search_fts_update",
    "DROP TRIGGER wiki_search_fts_delete",
    "DROP TRIGGER wiki_search_fts_insert",
    "DROP TABLE wiki_search_fts",
]

POSTGRESQL_CREATE = [
    """
    ALTER TABLE wiki_searchdocument
    ADD COLUMN title_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED,
    ADD COLUMN document tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title), 'A')
            || setweight(to_tsvector('simple', text), 'B')
        ) STORED
    """,
    "CREATE INDEX wiki_search_document_gin ON wiki_searchdocument USING GIN (document)",
    "CREATE INDEX wiki_search_title_gin ON wiki_searchdocument USING GIN (title_vector)",
]
POSTGRESQL_DROP = [
    "DROP INDEX wiki_search_title_gin",
    "DROP INDEX wiki_search_document_gin",
    "ALTER TABLE wiki_searchdocument DROP COLUMN document, DROP COLUMN title_vector",
]

STATEMENTS = {
    "sqlite": (SQLITE_CREATE, SQLITE_DROP),
    "postgresql": (POSTGRESQL_CREATE, POSTGRESQL_DROP),
}


def run(statements_index):
    def operation(apps, schema_editor):
        create_and_drop = STATEMENTS.get(schema_editor.connection.vendor)
        if create_and_drop is None:
            return
        for statement in create_and_drop[statements_index]:
            schema_editor.execute(statement)

    return operation


def index_existing_pages(apps, schema_editor):
    """Fill the search table from the pages already there."""
    Page = apps.get_model("wiki", "Page")
    SearchDocument = apps.get_model("wiki", "SearchDocument")
    pages = Page.objects.exclude(current_revision=None).values_list(
        "pk", "title", "current_revision__html"
    )
    SearchDocument.objects.bulk_create(
        (
            SearchDocument(page_id=pk, title=title, text=unescape(strip_tags(html)))
            for pk, title, html in pages.iterator()
        ),
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [("wiki", "0003_search_document")]

    operations = [
        migrations.RunPython(run(0), run(1)),
        migrations.RunPython(index_existing_pages, migrations.RunPython.noop),
    ]
