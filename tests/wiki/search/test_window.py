"""Windows of the newest pages, as blocks of ids in the index
(wiki/search/postgresql/window.py), and the true newest matches either way.
"""

from itertools import pairwise

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wiki.search.corpus import insert_pages


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
