"""Ranking: title matches first, every word required, the work bounded
(wiki/search/ranking.py, wiki/search/__init__.py).
"""

from tests.support.search import titles


def test_title_matches_rank_above_mentions(client, pages):
    assert titles(client, "balloon") == ["Balloon", "Prison"]


def test_every_word_must_be_found(client, pages):
    assert titles(client, "balloon escape") == ["Prison"]


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
