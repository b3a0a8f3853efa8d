"""The one extension point: an app's WikiExtension, its hooks called and kept by
wiki/extensions.py (here an extension of the test's own, not films')."""

import pytest
from django.utils.html import format_html

from tests.support.builders import create_page
from tests.support.html import parse_html
from wiki import extensions, page_cache
from wiki.models import PageCategory


class Boxes(extensions.WikiExtension):
    """Draws a box on pages whose title starts with "Boxed", puts them in Boxes,
    and keeps them from being deleted."""

    def __init__(self):
        self.drawn = []

    def page_parts(self, page):
        self.drawn.append(page.slug)
        if not page.title.startswith("Boxed"):
            return extensions.PageParts()
        return extensions.PageParts(
            infobox=format_html('<aside id="box">{}</aside>', page.title),
            linked_data={"@type": "Thing", "name": page.title},
        )

    def categories(self, page):
        return [("Boxes", "")] if page.title.startswith("Boxed") else []

    def refusal(self, page, action):
        return "Boxes stay." if page.title.startswith("Boxed") else ""


@pytest.fixture
def boxes(monkeypatch):
    extension = Boxes()
    monkeypatch.setattr(extensions, "_registered", [])
    assert extensions.register(extension) is extension
    extensions.register(Boxes())  # registered once: a second one is ignored
    return extension


def test_page_parts_are_drawn_once_and_kept_until_data_changes(client, user, boxes):
    create_page(title="Boxed cell", body="Inside.")
    client.force_login(user)  # past the response cache, to the view itself
    for _ in range(3):
        html = parse_html(client.get("/wiki/boxed-cell/").text)
        assert html.select_one("#box").text == "Boxed cell"
    assert boxes.drawn == ["boxed-cell"]
    linked = html.select_one('script[type="application/ld+json"]').text
    assert '"name": "Boxed cell"' in linked
    page_cache.invalidate(page_cache.EVERYTHING)
    client.get("/wiki/boxed-cell/")
    assert boxes.drawn == ["boxed-cell", "boxed-cell"]


def test_an_extension_that_keeps_nothing_draws_on_every_view(client, user, boxes):
    boxes.keeps_page_parts = False
    create_page(title="Boxed cell", body="Inside.")
    client.force_login(user)
    client.get("/wiki/boxed-cell/")
    client.get("/wiki/boxed-cell/")
    assert boxes.drawn == ["boxed-cell", "boxed-cell"]


def test_categories_given_by_an_extension_are_stored_with_the_text(db, boxes):
    boxed = create_page(title="Boxed cell", body="Inside.")
    create_page(title="Open cell", body="Outside.")
    assert list(PageCategory.objects.values_list("page__title", "category_name")) == [
        ("Boxed cell", "Boxes")
    ]
    assert 'href="/categories/boxes/"' in boxed.current_revision.html


def test_an_extension_refuses_a_deletion_with_its_reason(client, staff_user, boxes):
    create_page(title="Boxed cell", body="Inside.")
    client.force_login(staff_user)
    response = client.post("/wiki/boxed-cell/delete/", {"reason": "Gone"}, follow=True)
    assert "Boxes stay." in response.text
    assert client.get("/wiki/boxed-cell/").status_code == 200
