"""Both engines index the same folded words, made in Python (wiki.search.query.terms).

SQLite's FTS5 folded accents itself, but not Turkish ı; PostgreSQL's 'simple' parser
folded none, and split Devanagari and Kannada words at their vowel signs. Now each
SearchDocument keeps its title's and text's terms, and the indexes read those:

- SQLite: the two FTS5 tables index `search_title` and `search_text`, with the
  marks of a script counted as part of its words (`categories`) and no folding of
  their own, since the terms are folded already.
- PostgreSQL: `wiki_terms_vector` turns terms into a tsvector as they are, each word
  a lexeme at its position, with no parser to split or change them; queries are
  cast to tsquery as they are, too (wiki/search/postgresql).

Each document also keeps its page's language, which a search in that interface
language prefers among equally ranked pages.
"""

from django.db import migrations, models

from wiki.search.query import terms

FTS_TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
PREFIX_LENGTHS = "2 3 4 5 6 7 8"
BLOCK_LEVELS = range(11, 21)


FILLED = ["search_title", "search_text", "language"]


def fill_terms(apps, schema_editor):
    SearchDocument = apps.get_model("wiki", "SearchDocument")
    documents = SearchDocument.objects.only(
        "page_id", "title", "text", "page__language"
    )
    batch = []
    for document in documents.select_related("page").iterator(chunk_size=500):
        document.search_title = terms(document.title)
        document.search_text = terms(document.text)
        document.language = document.page.language
        batch.append(document)
        if len(batch) == 500:
            SearchDocument.objects.bulk_update(batch, FILLED)
            batch = []
    SearchDocument.objects.bulk_update(batch, FILLED)


def _sqlite_indexes(title, text, tokenizer):
    """The main and the title FTS5 tables over columns `title` and `text` of
    wiki_searchdocument, their triggers, rebuilt from the table."""
    return [
        "DROP TRIGGER IF EXISTS wiki_search_fts_insert",
        "DROP TRIGGER IF EXISTS wiki_search_fts_delete",
        "DROP TRIGGER IF EXISTS wiki_search_fts_update",
        "DROP TRIGGER IF EXISTS wiki_search_title_fts_insert",
        "DROP TRIGGER IF EXISTS wiki_search_title_fts_delete",
        "DROP TRIGGER IF EXISTS wiki_search_title_fts_update",
        "DROP TABLE IF EXISTS wiki_search_fts",
        "DROP TABLE IF EXISTS wiki_search_title_fts",
        f"""
        CREATE VIRTUAL TABLE wiki_search_fts USING fts5(
            {title}, {text},
            content='wiki_searchdocument', content_rowid='page_id',
            tokenize="{tokenizer}", prefix='{PREFIX_LENGTHS}'
        )
        """,
        f"""
        CREATE VIRTUAL TABLE wiki_search_title_fts USING fts5(
            {title},
            content='wiki_searchdocument', content_rowid='page_id',
            tokenize="{tokenizer}", prefix='{PREFIX_LENGTHS}'
        )
        """,
        f"""
        CREATE TRIGGER wiki_search_fts_insert AFTER INSERT ON wiki_searchdocument BEGIN
            INSERT INTO wiki_search_fts(rowid, {title}, {text})
            VALUES (new.page_id, new.{title}, new.{text});
            INSERT INTO wiki_search_title_fts(rowid, {title})
            VALUES (new.page_id, new.{title});
        END
        """,
        f"""
        CREATE TRIGGER wiki_search_fts_delete AFTER DELETE ON wiki_searchdocument BEGIN
            INSERT INTO wiki_search_fts(wiki_search_fts, rowid, {title}, {text})
            VALUES ('delete', old.page_id, old.{title}, old.{text});
            INSERT INTO wiki_search_title_fts(wiki_search_title_fts, rowid, {title})
            VALUES ('delete', old.page_id, old.{title});
        END
        """,
        f"""
        CREATE TRIGGER wiki_search_fts_update AFTER UPDATE ON wiki_searchdocument BEGIN
            INSERT INTO wiki_search_fts(wiki_search_fts, rowid, {title}, {text})
            VALUES ('delete', old.page_id, old.{title}, old.{text});
            INSERT INTO wiki_search_fts(rowid, {title}, {text})
            VALUES (new.page_id, new.{title}, new.{text});
            INSERT INTO wiki_search_title_fts(wiki_search_title_fts, rowid, {title})
            VALUES ('delete', old.page_id, old.{title});
            INSERT INTO wiki_search_title_fts(rowid, {title})
            VALUES (new.page_id, new.{title});
        END
        """,
        "INSERT INTO wiki_search_fts(wiki_search_fts) VALUES ('rebuild')",
        "INSERT INTO wiki_search_title_fts(wiki_search_title_fts) VALUES ('rebuild')",
    ]


TERMS_VECTOR = """
    CREATE FUNCTION wiki_terms_vector(terms text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(
            string_agg(quote_literal(t.word) || ':' || least(t.position, 16383), ' '),
            ''
        )::tsvector
        FROM regexp_split_to_table(terms, ' ') WITH ORDINALITY AS t(word, position)
        WHERE t.word <> '' AND octet_length(t.word) <= 2047
    $$
"""


def _postgresql_vectors(title, text, vector):
    """The title and document vectors of wiki_searchdocument, made by `vector` from
    columns `title` and `text`, with the id blocks of migration 0008."""
    blocks = ", ".join(
        f"'_b{level}_' || (page_id >> {level})::text" for level in BLOCK_LEVELS
    )
    return [
        "DROP INDEX IF EXISTS wiki_search_title_gin",
        "DROP INDEX IF EXISTS wiki_search_document_gin",
        "ALTER TABLE wiki_searchdocument DROP COLUMN document, DROP COLUMN title_vector",
        f"""
        ALTER TABLE wiki_searchdocument
        ADD COLUMN title_vector tsvector GENERATED ALWAYS AS ({vector(title)}) STORED,
        ADD COLUMN document tsvector GENERATED ALWAYS AS (
            setweight({vector(title)}, 'A')
            || setweight({vector(text)}, 'B')
            || array_to_tsvector(ARRAY[{blocks}])
        ) STORED
        """,
        "CREATE INDEX wiki_search_document_gin ON wiki_searchdocument USING GIN (document)",
        "CREATE INDEX wiki_search_title_gin ON wiki_searchdocument USING GIN (title_vector)",
    ]


def _terms(column):
    return f"wiki_terms_vector({column})"


def _parsed(column):
    return f"to_tsvector('simple', {column})"


FORWARD = {
    "sqlite": _sqlite_indexes("search_title", "search_text", FTS_TOKENIZER),
    "postgresql": [
        TERMS_VECTOR,
        *_postgresql_vectors("search_title", "search_text", _terms),
    ],
}
BACKWARD = {
    "sqlite": _sqlite_indexes("title", "text", "unicode61 remove_diacritics 2"),
    "postgresql": [
        *_postgresql_vectors("title", "text", _parsed),
        "DROP FUNCTION wiki_terms_vector(text)",
    ],
}


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("wiki", "0026_translation_groups")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="search_title",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="language",
            field=models.CharField(default="", editable=False, max_length=10),
        ),
        migrations.RunPython(fill_terms, migrations.RunPython.noop),
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
