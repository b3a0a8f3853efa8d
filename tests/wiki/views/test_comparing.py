"""Comparing revisions: any two from the history, and the edits either side."""

import pytest
from django.urls import reverse

from tests.support.builders import create_page, edit_page
from tests.support.html import messages_in, parse_html


@pytest.fixture
def revisions(db, user):
    page = create_page(title="Film", body="one\n", summary="start")
    second = edit_page(page, "one\ntwo\n", author=user, summary="/* Cast */ add two")
    third = edit_page(page, "one\ntwo\nthree\n", summary="add three")
    return page.revisions.get(number=1), second, third


def history(client):
    return parse_html(client.get(reverse("wiki:history", args=["film"])).text)


def test_history_offers_two_radio_columns_in_a_get_form(client, revisions):
    soup = history(client)
    form = soup.select_one("form#compare-revisions")
    assert form["method"] == "get" and form["action"] == "/wiki/film/compare/"
    olds = soup.select('input[type=radio][name=oldid][form="compare-revisions"]')
    news = soup.select('input[type=radio][name=diff][form="compare-revisions"]')
    assert len(olds) == len(news) == 3
    first, second, third = revisions
    checked = {(i["name"], i["value"]) for i in olds + news if i.has_attr("checked")}
    assert checked == {("oldid", str(second.pk)), ("diff", str(third.pk))}
    for radio in olds + news:
        assert soup.select_one(f'label[for="{radio["id"]}"]').text.strip()


def test_compare_sends_any_two_on_to_their_diff_older_first(client, revisions):
    first, _second, third = revisions
    url = reverse("wiki:compare", args=["film"])
    for old, new in [(first, third), (third, first)]:
        response = client.get(url, {"oldid": old.pk, "diff": new.pk})
        assert response.status_code == 302
        assert response["Location"] == f"/wiki/film/diff/{first.pk}/{third.pk}/"


@pytest.mark.parametrize(
    "query", [{}, {"oldid": "1"}, {"oldid": "x", "diff": "²"}, {"oldid": "9" * 30}]
)
def test_compare_without_two_of_the_pages_revisions_goes_back(client, revisions, query):
    response = client.get(reverse("wiki:compare", args=["film"]), query, follow=True)
    assert response.redirect_chain[-1][0] == "/wiki/film/history/"
    assert messages_in(response) == ["Choose two revisions of this page to compare."]


def test_another_pages_revision_is_not_compared(client, revisions):
    other = create_page(title="Other", body="x")
    query = {"oldid": other.current_revision_id, "diff": revisions[2].pk}
    response = client.get(reverse("wiki:compare", args=["film"]), query)
    assert response["Location"] == "/wiki/film/history/"


def test_a_diff_names_both_sides_and_links_the_edits_either_side(client, revisions):
    first, second, third = revisions
    soup = parse_html(client.get(second.get_diff_url()).text)
    old, new = soup.select_one("#diff-old"), soup.select_one("#diff-new")
    assert old.select_one(f'a[href="{first.get_absolute_url()}"]')
    assert new.select_one(f'a[href="{second.get_absolute_url()}"]')
    assert "start" in old.text and "reader" in new.text
    assert new.select_one("a.section-link")["href"] == "/wiki/film/#cast"
    assert not soup.select("#older-edit")  # the first revision has none before it
    assert soup.select_one("#newer-edit")["href"] == third.get_diff_url()
    soup = parse_html(client.get(third.get_diff_url()).text)
    assert soup.select_one("#older-edit")["href"] == second.get_diff_url()
    assert not soup.select("#newer-edit")
