"""Snippets: the words found, marked in every form, the text escaped
(wiki/search/snippets.py).
"""

import re

from wiki.search.query import parse_query


def test_snippets_highlight_the_words_and_escape_the_text(client, make_page):
    make_page(title="Markup", body="Write <script>alert(1)</script> near the balloon.")
    response = client.get("/search/", {"q": "balloon"})
    (hit,) = response.context["page_obj"]
    assert "<mark>balloon</mark>" in hit.snippet
    assert set(re.findall(r"<\s*/?\s*(\w+)", hit.snippet)) == {"mark"}
    assert "<script>alert(1)</script>" not in response.text


def test_snippet_marks_every_form_of_the_words(db):
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
