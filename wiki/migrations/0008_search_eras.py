"""PostgreSQL: mark each page's search vector with its era of 2,048 page ids.

Search ranks the newest matches of a word. GIN returns matches in no useful order, so
finding the newest thousand of a word on 5,000 pages meant reading all 5,000 rows. With
the era in the vector as a lexeme of its own (`_era24`), the index itself narrows a
query to the newest eras, and only their rows are read (`wiki.search.postgresql`).

Query words are runs of letters and digits, and the text parser splits at `_`, so no
query and no page text can produce an era lexeme. Eras carry no positions and no
weight, so they change no rank.
"""

from django.db import migrations

ERA_PAGES = 2048


def document(era_pages):
    era = (
        f" || array_to_tsvector(ARRAY['_era' || (page_id / {era_pages})::text])"
        if era_pages
        else ""
    )
    return f"""
        ALTER TABLE wiki_searchdocument
        ADD COLUMN document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title), 'A')
            || setweight(to_tsvector('simple', text), 'B'){era}
        ) STORED
        """


def recreate(era_pages):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("DROP INDEX wiki_search_document_gin")
        schema_editor.execute("ALTER TABLE wiki_searchdocument DROP COLUMN document")
        schema_editor.execute(document(era_pages))
        schema_editor.execute(
            "CREATE INDEX wiki_search_document_gin ON wiki_searchdocument "
            "USING GIN (document)"
        )

    return operation


class Migration(migrations.Migration):
    dependencies = [("wiki", "0007_search_title_index")]

    operations = [migrations.RunPython(recreate(ERA_PAGES), recreate(None))]
