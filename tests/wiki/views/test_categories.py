"""Categories: named in a page's text, listed under it, each with its own page."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Page, PageCategory


@pytest.fixture
def pages(db):
    create_page(title="Pushpaka Vimana", body="Kannada. [[Category:Remakes|India]]")
    create_page(title="7. Koğuştaki Mucize", body="Turkish. [[Category:Remakes]]")
    create_page(title="Unsorted", body="No category.")


def members(client, slug):
    html = parse_html(client.get(f"/categories/{slug}/").text)
    return [a.text for a in html.select(".category-members a")]


def test_a_category_in_the_text_lists_the_page_and_is_shown_under_it(client, pages):
    html = parse_html(client.get("/wiki/pushpaka-vimana/").text)
    links = html.select(".catlinks a")
    assert [(a.text, a["href"]) for a in links] == [("Remakes", "/categories/remakes/")]
    assert "[[Category" not in html.select_one(".wiki-body").text


def test_members_sort_by_their_sort_key(client, pages):
    # Sort keys order them: "India" for Pushpaka Vimana, the title for the other.
    assert members(client, "remakes") == ["7. Koğuştaki Mucize", "Pushpaka Vimana"]
    create_page(title="Another", body="[[Category:Remakes|Aaa]]")
    assert members(client, "remakes")[0] == "7. Koğuştaki Mucize"
    assert members(client, "remakes")[1] == "Another"


def test_a_category_without_text_offers_to_write_it(client, user, pages):
    html = parse_html(client.get("/categories/remakes/").text)
    write = html.select_one("#no-category-text a")
    assert write["href"] == "/wiki/category:remakes/edit/"
    client.force_login(user)
    response = client.post(
        write["href"], {"body": "The film's remakes. [[Category:Films]]"}
    )
    assert response.status_code == 302
    page = Page.objects.get(slug="category:remakes")
    assert page.title == "Category:Remakes"
    html = parse_html(client.get("/categories/remakes/").text)
    assert "The film's remakes." in html.select_one("#category-text").text
    films = parse_html(client.get("/categories/films/").text)
    assert [a.text for a in films.select(".subcategories a")] == ["Category:Remakes"]


def test_every_category_is_listed_with_its_size(client, pages):
    html = parse_html(client.get("/categories/").text)
    rows = [li.get_text(" ", strip=True) for li in html.select(".category-list li")]
    assert rows == ["Remakes (2 pages)"]


def test_editing_the_text_changes_the_categories(client, pages):
    page = Page.objects.get(slug="unsorted")
    edit_page(page, "Now sorted. [[Category:Misc]]")
    assert members(client, "misc") == ["Unsorted"]
    edit_page(Page.objects.get(slug="unsorted"), "No category again.")
    assert not PageCategory.objects.filter(category_slug="misc").exists()


def test_a_category_page_takes_as_many_queries_for_many_members(client, pages):
    with CaptureQueriesContext(connection) as few:
        client.get("/categories/remakes/")
    for n in range(30):
        create_page(title=f"Remake {n}", body="[[Category:Remakes]]")
    with CaptureQueriesContext(connection) as many:
        client.get("/categories/remakes/")
    assert len(many) == len(few)


def test_deleted_pages_leave_their_categories(client, staff_user, pages):
    client.force_login(staff_user)
    client.post("/wiki/pushpaka-vimana/delete/", {"reason": "test"})
    assert members(client, "remakes") == ["7. Koğuştaki Mucize"]


def search(client, q):
    response = client.get("/search/", {"q": q})
    return response, [hit.page.title for hit in response.context["page_obj"]]


def test_category_narrows_a_search(client, pages):
    create_page(title="Kannada cinema", body="Kannada films.")
    _, everywhere = search(client, "Kannada")
    assert set(everywhere) == {"Pushpaka Vimana", "Kannada cinema"}
    _, narrowed = search(client, "Kannada category:Remakes")
    assert narrowed == ["Pushpaka Vimana"]
    _, quoted = search(client, 'category:"Remakes" Turkish')
    assert quoted == ["7. Koğuştaki Mucize"]


def test_an_unknown_category_is_said_so(client, pages):
    response, hits = search(client, "Kannada category:Nowhere")
    assert hits == []
    assert (
        "no category named"
        in parse_html(response.text).select_one("#unknown-category").text
    )


def test_rerender_pages_brings_categories_and_links_up_to_date(client, pages, run_jobs):
    PageCategory.objects.all().delete()
    out = StringIO()
    call_command("rerender_pages", stdout=out)
    assert "Queued 3 page(s) to be rendered again" in out.getvalue()
    assert members(client, "remakes") == []  # until a worker runs the job
    run_jobs()
    assert members(client, "remakes") == ["7. Koğuştaki Mucize", "Pushpaka Vimana"]
