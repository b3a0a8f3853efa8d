"""PostgreSQL: mark each page's search vector with the blocks of page ids it is in.

Search ranks the newest matches of a word. GIN returns matches in no useful order, so
finding the newest thousand of a word on 5,000 pages meant reading all 5,000 rows. The
ids are cut into aligned blocks of 2^11 to 2^20 ids, and each page's vector holds the
block it is in at every size, as lexemes of their own (`_b11_48`: the 49th block of
2,048 ids). A window of the newest pages is then a handful of blocks, which the index
itself intersects with the query, so that only the window's rows are read
(`wiki.search.postgresql`).

Query words are runs of letters and digits, and the text parser splits at `_`, so no
query and no page text can produce a block lexeme. Blocks carry no positions and no
weight, so they change no rank.
"""

from django.db import migrations

BLOCK_LEVELS = range(11, 21)


def document(levels):
    blocks = ", ".join(
        f"'_b{level}_' || (page_id >> {level})::text" for level in levels
    )
    return f"""
        ALTER TABLE wiki_searchdocument
        ADD COLUMN document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title), 'A')
            || setweight(to_tsvector('simple', text), 'B')
            {f"|| array_to_tsvector(ARRAY[{blocks}])" if blocks else ""}
        ) STORED
        """


def recreate(levels):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("DROP INDEX wiki_search_document_gin")
        schema_editor.execute("ALTER TABLE wiki_searchdocument DROP COLUMN document")
        schema_editor.execute(document(levels))
        schema_editor.execute(
            "CREATE INDEX wiki_search_document_gin ON wiki_searchdocument "
            "USING GIN (document)"
        )

    return operation


class Migration(migrations.Migration):
    dependencies = [("wiki", "0007_search_title_index")]

    operations = [migrations.RunPython(recreate(BLOCK_LEVELS), recreate(()))]
