"""Full-text search: ranking, snippets, index updates, hostile queries."""

import re
from itertools import pairwise

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import edit_page
from tests.html import parse_html
from wiki.search.corpus import insert_pages
from wiki.search.query import parse_query
from wiki.services import page_save, revision_revert


def titles(client, q, **params):
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return [hit.page.title for hit in response.context["page_obj"]]


@pytest.fixture
def pages(make_page):
    make_page(title="Balloon", body="A hot air balloon.")
    make_page(title="Prison", body="The inmates build a balloon for the escape.")
    make_page(title="Ye-sung", body="A lawyer, daughter of Yong-gu.")
    make_page(title="Film", body="Miracle in Cell No. 7 (Korean: 7번방의 선물).")
    make_page(title="7. Koğuştaki Mucize", body="The Turkish remake.")


def test_title_matches_rank_above_mentions(client, pages):
    assert titles(client, "balloon") == ["Balloon", "Prison"]


def test_every_word_must_be_found(client, pages):
    assert titles(client, "balloon escape") == ["Prison"]


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


def test_snippets_highlight_the_words_and_escape_the_text(client, make_page):
    make_page(title="Markup", body="Write <script>alert(1)</script> near the balloon.")
    response = client.get("/search/", {"q": "balloon"})
    (hit,) = response.context["page_obj"]
    assert "<mark>balloon</mark>" in hit.snippet
    assert set(re.findall(r"<\s*/?\s*(\w+)", hit.snippet)) == {"mark"}
    assert "<script>alert(1)</script>" not in response.text


def test_exact_title_is_offered(client, pages):
    html = client.get("/search/", {"q": "ye-sung"}).text
    assert 'id="exact-match"' in html and 'href="/wiki/ye-sung/"' in html


def test_index_follows_edits_and_reverts(client, pages, user):
    from wiki.models import Page

    page = Page.objects.get(slug="prison")
    first = page.current_revision
    edit_page(page, "The guards patrol the yard.", author=user)
    assert titles(client, "balloon") == ["Balloon"]
    assert titles(client, "guards") == ["Prison"]
    revision_revert(revision=first, author=user)
    assert titles(client, "balloon") == ["Balloon", "Prison"]
    assert titles(client, "guards") == []


def test_new_pages_are_found_at_once(client, db, user):
    page_save(slug="warden", title="Warden", body="He adopts Ye-sung.", author=user)
    assert titles(client, "adopts") == ["Warden"]


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


def test_results_are_paginated(client, make_page):
    for n in range(25):
        make_page(title=f"Cell {n:02}", body="inmates")
    first = client.get("/search/", {"q": "inmates"})
    assert first.context["page_obj"].paginator.count == 25
    assert len(first.context["page_obj"]) == 20
    assert "q=inmates&amp;page=2" in first.text
    assert len(titles(client, "inmates", page=2)) == 5
    assert len(titles(client, "inmates", page="abc")) == 20
    assert len(titles(client, "inmates", page="999")) == 5


def test_search_queries_do_not_grow_with_results(client, make_page):
    for n in range(3):
        make_page(title=f"Room {n}", body="inmates")
    with CaptureQueriesContext(connection) as few:
        client.get("/search/", {"q": "inmates"})
    for n in range(3, 30):
        make_page(title=f"Room {n}", body="inmates")
    with CaptureQueriesContext(connection) as many:
        client.get("/search/", {"q": "inmates"})
    assert len(many) == len(few)


def test_header_of_every_page_has_the_search_box(client, pages):
    for url in ("/", "/wiki/", "/wiki/balloon/", "/recent-changes/"):
        assert 'action="/search/"' in client.get(url).text


def test_ranking_work_is_bounded_by_the_newest_candidates(
    client, make_page, monkeypatch
):
    monkeypatch.setattr("wiki.search.CANDIDATES", 3)
    make_page(title="Inmates", body="About the inmates.")
    for n in range(6):
        make_page(title=f"Cell {n}", body="inmates " * (n + 1))
    response = client.get("/search/", {"q": "inmates"})
    found = [hit.page.title for hit in response.context["page_obj"]]
    assert found[0] == "Inmates", "a title match is ranked even when it is old"
    assert set(found[1:]) == {"Cell 3", "Cell 4", "Cell 5"}
    assert "More than 3 pages match" in response.text


def test_snippet_marks_every_form_of_the_words(db):
    from wiki.search.query import parse_query
    from wiki.search.snippets import highlighted_snippet

    text = "The Turkish remake, 7. Koğuştaki Mucize, stars Aras Bulut İynemli."
    snippet = highlighted_snippet(text, parse_query("kogustaki iynemli"))
    assert "<mark>Koğuştaki</mark>" in snippet and "<mark>İynemli</mark>" in snippet
    snippet = highlighted_snippet("That year, Ye-sung sang.", parse_query("Ye-sung"))
    assert "<mark>Ye</mark>-<mark>sung</mark>" in snippet
    assert "<mark>year</mark>" not in snippet, "only a word's last token is a prefix"
    long = " ".join(f"word{n}" for n in range(200)) + " balloon end"
    snippet = highlighted_snippet(long, parse_query("balloon"))
    assert snippet.startswith("…") and "<mark>balloon</mark>" in snippet
    assert len(snippet.split()) < 40


@pytest.mark.django_db(transaction=True)
def test_optimize_search_keeps_the_index_whole(client, make_page, user):
    from io import StringIO

    from django.core.management import call_command

    for n in range(5):
        make_page(title=f"Cell {n}", body=f"Inmate number {n} in the balloon plan.")
    page = make_page(title="Warden", body="He guards the yard.")
    edit_page(page, "He adopts Ye-sung.", author=user)
    out = StringIO()
    call_command("optimize_search", stdout=out)
    assert "optimised" in out.getvalue()
    assert len(titles(client, "balloon")) == 5
    assert titles(client, "Ye-sung") == ["Warden"]
    assert titles(client, "guards") == []
    assert titles(client, "warden") == ["Warden"]


def test_the_newest_matches_are_ranked_however_they_are_found(client, db, monkeypatch):
    """Found among the newest pages first, or, when those hold too few, among all."""
    monkeypatch.setattr("wiki.search.CANDIDATES", 20)
    # "alpha" is on every tenth page; "omega" as often, but only on the oldest.
    insert_pages(
        {
            n: "filler " + ("alpha omega" if n < 2000 else "alpha") * (n % 10 == 0)
            for n in range(5000)
        }
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # The planner's estimates choose the way.
            cursor.execute("ANALYZE wiki_searchdocument")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "alpha"})
    found = {hit.page.title for hit in response.context["page_obj"]}
    assert found == {f"Page {n}" for n in range(4990, 4790, -10)}
    assert "More than 20 pages match" in response.text
    if connection.vendor == "postgresql":  # One pass, over the newest blocks alone.
        [ranking] = [query["sql"] for query in queries if "WITH newest" in query["sql"]]
        assert "'_b1" in ranking
    response = client.get("/search/", {"q": "omega"})
    found = {hit.page.title for hit in response.context["page_obj"]}
    assert found == {f"Page {n}" for n in range(1990, 1790, -10)}
    assert "More than 20 pages match" in response.text


@pytest.mark.parametrize(
    ("first_id", "last_id"),
    [(2048, 2048), (3750, 5000), (73_728, 100_000), (123_457, 131_072), (5, 3_000_000)],
)
def test_a_window_is_a_few_blocks_covering_the_newest_ids(first_id, last_id):
    from wiki.search.postgresql.window import BLOCK_LEVELS, blocks

    spans = [
        (number << level, (number + 1) << level)
        for level, number in blocks(first_id, last_id)
    ]
    assert first_id - 2 ** BLOCK_LEVELS[0] < spans[0][0] <= first_id
    assert all(end == start for (_, end), (start, _) in pairwise(spans))
    assert spans[-1][1] > last_id
    sizes = [end - start for start, end in spans]
    assert sizes == sorted(sizes), "sizes only grow"
    below_largest = [size for size in sizes if size < 2 ** BLOCK_LEVELS[-1]]
    assert len(below_largest) == len(set(below_largest)), "one block of each size"
