"""The tsqueries a parsed query becomes on PostgreSQL
(wiki/search/postgresql/tsquery.py): phrases for ranking, bare tokens for the index."""

import pytest
from django.db import connection

from wiki.search.postgresql.tsquery import fetch_rows, tokens_tsquery, tsquery
from wiki.search.query import parse_query


def test_each_word_is_a_phrase_whose_last_token_is_a_prefix():
    query = parse_query("Ye-sung balloon")
    assert tsquery(query) == "('ye' <-> 'sung':*) & ('balloon':*)"


def test_the_index_is_asked_for_every_token_in_any_order():
    query = parse_query("Ye-sung balloon")
    assert tokens_tsquery(query) == "'ye' & 'sung':* & 'balloon':*"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="tsquery is PostgreSQL's")
@pytest.mark.django_db
def test_postgresql_reads_what_hostile_queries_make():
    for text in ["'; DROP TABLE x; --", "a & b | !c", "<->", "balloon:*", "\\", "İ ß"]:
        query = parse_query(text)
        if query:
            [(matched,)] = fetch_rows(
                "SELECT to_tsvector('simple', 'a b c balloon') @@ %s::tsquery",
                [tsquery(query)],
            )
            assert matched in (True, False)
