"""What a query is reduced to: words of letters and digits, whatever was typed
(wiki/search/query.py).
"""

import pytest

from tests.support.html import parse_html
from tests.support.search import titles
from wiki.search.query import parse_query


def test_hyphenated_names_and_hangul_are_found(client, pages):
    assert titles(client, "Ye-sung") == ["Ye-sung"]
    assert titles(client, "7번방의 선물") == ["Film"]
    assert titles(client, "선물") == ["Film"]
    assert titles(client, "Koğuştaki") == ["7. Koğuştaki Mucize"]


def test_a_hyphenated_name_is_matched_as_a_phrase(client, pages, make_page):
    make_page(title="Decoy", body="Sung apart from ye olde cell.")
    assert titles(client, "Ye-sung") == ["Ye-sung"]
    assert "Decoy" in titles(client, "sung ye"), "both words are there, apart"


def test_words_match_as_prefixes(client, pages):
    assert titles(client, "inmate") == ["Prison"]


HOSTILE_QUERIES = [
    '"',
    '""',
    "*",
    "**",
    "balloon*",
    '"balloon',
    "NEAR(balloon prison)",
    "balloon AND",
    "OR",
    "NOT balloon",
    "title:balloon",
    "{title}: balloon",
    "^balloon",
    "balloon'",
    "'; DROP TABLE wiki_page; --",
    "\\",
    "(",
    ")",
    "-balloon",
    "+balloon",
    "balloon:*",
    "a & b | !c",
    "<->",
    "%",
    "_",
    "?q=",
    "\u200b",
    "x" * 10_000,
    "balloon " * 500,
    "🎈",
    "ß",
    "İ",
]


@pytest.mark.parametrize("q", HOSTILE_QUERIES)
def test_hostile_queries_give_results_or_a_message(client, pages, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    if not parse_query(q):
        assert "Type a word" in response.text


@pytest.mark.parametrize("q", ["\x01\x02\x03", "balloon\x1b", "pri\x85son"])
def test_control_characters_in_a_query_get_a_form_error(client, pages, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 400
    error = parse_html(response.text).select_one("#search-error")
    assert error is not None and "control character" in error.text


def test_query_syntax_is_treated_as_plain_words(client, pages):
    assert titles(client, "NEAR(balloon prison)") == []
    assert titles(client, "balloon*") == ["Balloon", "Prison"]
    assert titles(client, '"balloon') == ["Balloon", "Prison"]
