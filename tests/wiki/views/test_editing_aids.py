"""The edit form's helpers on the server: the live preview and link suggestions."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.builders import create_page
from tests.support.html import parse_html
from tests.support.images import image_bytes, upload
from wiki.images import clean_image
from wiki.models import Page, PageCategory
from wiki.services.files import file_upload
from wiki.services.publishing import page_text

PREVIEW = reverse("wiki:edit_preview", args=["film"])
SUGGEST = reverse("wiki:link_suggest")
TEXT = (
    "See [[Lee Yong-gu]], [[Nobody]] and [[File:Missing.jpg]].[^1]\n\n"
    "## A\n\n## B\n\n### C\n\n## D\n\n[^1]: A source.\n\n[[Category:Prison films]]\n"
)


def test_the_preview_is_the_html_a_save_keeps(editor, db):
    create_page(title="Lee Yong-gu", body="A father.")
    page = create_page(title="Film", body="Old.")
    response = editor.post(PREVIEW, {"body": TEXT})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert response.text == page_text(page, TEXT)[2]
    soup = parse_html(response.text)
    assert soup.select_one("a.wikilink:not(.wikilink-new)").text == "Lee Yong-gu"
    assert {a.text for a in soup.select("a.wikilink-new")} == {
        "Nobody",
        "File:Missing.jpg",
    }
    assert soup.select("nav.toc") and soup.select("section.footnotes")
    assert soup.select_one(".catlinks a").text == "Prison films"
    assert Page.objects.get(pk=page.pk).current_revision.body == "Old."


def test_a_new_pages_preview_works_too(editor, db):
    response = editor.post(
        reverse("wiki:edit_preview", args=["new-one"]), {"body": "*x*"}
    )
    assert response.status_code == 200 and "<em>x</em>" in response.text


def test_the_preview_needs_a_login_a_post_and_the_csrf_token(client, user, db):
    assert client.post(PREVIEW, {"body": "x"}).status_code == 302
    client.force_login(user)
    assert client.get(PREVIEW).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(PREVIEW, {"body": "x"}).status_code == 403


def test_the_preview_refuses_a_text_too_large_and_is_limited(editor, settings):
    assert editor.post(PREVIEW, {"body": "x" * (513 * 1024)}).status_code == 413
    settings.RATELIMIT_ENABLE = True
    settings.WIKI_RATE_LIMITS = {**settings.WIKI_RATE_LIMITS, "preview": "2/m"}
    codes = [editor.post(PREVIEW, {"body": "x"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


@pytest.fixture
def linkable(db):
    create_page(title="Lee Yong-gu", body="A father.")
    create_page(title="Yong-gu", body="#REDIRECT [[Lee Yong-gu]]")
    create_page(title="Talk:Yong-gu", body="Talk.")
    create_page(title="Prison", body="[[Category:Prison films]] [[Category:Prisons]]")


def suggested(client, typed):
    response = client.get(SUGGEST, {"q": typed})
    assert response.status_code == 200
    answer = response.json()
    assert answer["query"] == typed
    return answer["suggestions"]


def test_pages_are_suggested_by_prefix_with_where_a_redirect_leads(client, linkable):
    assert suggested(client, "yong") == [
        {"title": "Yong-gu", "redirect_to": "Lee Yong-gu"}
    ]
    assert suggested(client, "Lee Y") == [{"title": "Lee Yong-gu", "redirect_to": ""}]
    assert suggested(client, "") == [] and suggested(client, "zz") == []


def test_categories_and_files_are_suggested_after_their_prefix(client, linkable):
    titles = [found["title"] for found in suggested(client, "Category:pris")]
    assert titles == ["Category:Prison films", "Category:Prisons"]
    assert len(suggested(client, "Category:")) == 2
    assert suggested(client, "File:po") == []


def test_files_are_suggested_by_name_as_typed_or_capitalised(client, db, user):
    for name in ["Poster.jpg", "Portrait.png", "poem.png", "Still.jpg"]:
        image = clean_image(upload(name, image_bytes(size=(40, 30))))
        file_upload(name=name, image=image, author=user, description="")
    titles = [found["title"] for found in suggested(client, "File:po")]
    assert titles == ["File:Portrait.png", "File:Poster.jpg", "File:poem.png"]
    assert [f["title"] for f in suggested(client, "File:Pos")] == ["File:Poster.jpg"]


def test_suggestions_refuse_bad_input_without_an_error(client, db):
    for typed in ["x" * 201, "a\x00b", "bad\x07"]:
        assert client.get(SUGGEST, {"q": typed}).status_code == 400


@pytest.mark.parametrize("typed", ["Li", "Category:Pr", "File:P"])
def test_suggestions_take_the_same_queries_at_any_size(client, linkable, typed):
    with CaptureQueriesContext(connection) as few:
        client.get(SUGGEST, {"q": typed})
    Page.objects.bulk_create(
        Page(title=f"Li {n}", slug=f"li-{n}", redirect_to="lee-yong-gu")
        for n in range(300)
    )
    page = Page.objects.get(slug="prison")
    PageCategory.objects.bulk_create(
        PageCategory(page=page, category_slug=f"pr-{n}", category_name=f"Pr {n}")
        for n in range(300)
    )
    with CaptureQueriesContext(connection) as many:
        client.get(SUGGEST, {"q": typed})
    assert len(many) == len(few)
