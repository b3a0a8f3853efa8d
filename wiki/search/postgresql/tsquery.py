"""The tsqueries a parsed query becomes, and running SQL on them."""

from django.db import connection


def tsquery(query):
    """Each word a phrase whose last token is a prefix, all words required."""
    return " & ".join(
        "(" + " <-> ".join(lexemes(tokens)) + ")" for tokens in query.words
    )


def tokens_tsquery(query):
    """Every token of every word required, in any order: what the GIN index answers.

    Unlike a phrase, this needs no positions, so the index alone decides a match and
    no page's vector is read to confirm it.
    """
    return " & ".join(lexeme for tokens in query.words for lexeme in lexemes(tokens))


def lexemes(tokens):
    return [f"'{token}'" for token in tokens[:-1]] + [f"'{tokens[-1]}':*"]


def fetch_rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
