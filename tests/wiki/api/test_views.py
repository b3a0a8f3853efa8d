"""The wiki's read API: pages with their text and HTML, revisions, recent changes,
search; read only, paginated, with ETags, limited, and closed to other sites."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.builders import create_page, edit_page


@pytest.fixture
def page(db, user):
    page = create_page(title="Cell", body="The first text.\n", author=user)
    edit_page(page, "See [[Balloon]].\n", author=user, summary="linked")
    return page


def test_the_root_lists_every_endpoint(client, db):
    root = client.get("/api/").json()
    assert set(root) >= {
        "pages",
        "films",
        "characters",
        "actors",
        "remakes",
        "box-office",
        "recent-changes",
        "search",
        "schema",
        "docs",
    }
    assert root["pages"] == "http://testserver/api/pages/"


def test_a_page_has_its_current_text_html_and_revision(client, page):
    data = client.get("/api/pages/cell/").json()
    assert data["title"] == "Cell" and data["text"] == "See [[Balloon]].\n"
    assert 'class="wikilink wikilink-new"' in data["html"]
    assert data["revision"]["id"] == page.revisions.get(number=2).pk
    assert data["revision"]["number"] == 2 and data["revision"]["author"] == "reader"
    assert data["site_url"] == "http://testserver/wiki/cell/"
    assert data["revisions"] == "http://testserver/api/pages/cell/revisions/"


def test_a_pages_revisions_newest_first(client, page):
    data = client.get("/api/pages/cell/revisions/").json()
    assert data["count"] == 2
    assert [r["number"] for r in data["results"]] == [2, 1]
    assert data["results"][0]["summary"] == "linked"
    assert data["results"][0]["size_change"] == len("See [[Balloon]].\n") - len(
        "The first text.\n"
    )


def test_pages_are_paginated_and_filtered(client, db):
    for n in range(60):
        create_page(title=f"Page {n:02}", body="x")
    first = client.get("/api/pages/").json()
    assert first["count"] == 60 and len(first["results"]) == 50
    assert first["next"] == "http://testserver/api/pages/?page=2"
    assert client.get("/api/pages/?title=page 5").json()["count"] == 10
    create_page(title="Sorted", body="[[Category:Prisons]]")
    assert [
        p["slug"] for p in client.get("/api/pages/?category=Prisons").json()["results"]
    ] == ["sorted"]


def test_recent_changes_and_a_users_changes(client, page, staff_user):
    create_page(title="Other", body="x", author=staff_user)
    changes = client.get("/api/recent-changes/").json()["results"]
    assert [(c["title"], c["number"]) for c in changes] == [
        ("Other", 1),
        ("Cell", 2),
        ("Cell", 1),
    ]
    assert changes[0]["page"] == "http://testserver/api/pages/other/"
    mine = client.get("/api/recent-changes/?user=reader").json()["results"]
    assert {c["author"] for c in mine} == {"reader"}
    created = client.get("/api/recent-changes/?new_pages=true").json()["results"]
    assert [c["number"] for c in created] == [1, 1]


def test_changes_carry_their_tags_and_minor_mark(client, page):
    create_page(title="Gone", body="Text to blank.")
    edit_page(page, "", summary="blanked")
    changes = client.get("/api/recent-changes/").json()["results"]
    assert changes[0]["tags"] == ["mw-blank"] and changes[0]["minor"] is False
    assert changes[1]["tags"] == ["new-page"]
    blanked = client.get("/api/recent-changes/?tag=mw-blank").json()["results"]
    assert [c["summary"] for c in blanked] == ["blanked"]
    revisions = client.get("/api/pages/cell/revisions/").json()["results"]
    assert [r["tags"] for r in revisions] == [["mw-blank"], [], ["new-page"]]


def test_search_ranks_as_the_site_does(client, page):
    create_page(title="Balloon", body="A hot air balloon.")
    hits = client.get("/api/search/?q=balloon").json()["results"]
    assert hits[0]["title"] == "Balloon" and hits[0]["title_matches"] is True
    assert "<mark>" in hits[0]["snippet"]
    assert client.get("/api/search/?q=bad\x01").status_code == 400


def test_a_missing_page_is_404_and_writes_are_refused(client, page):
    assert client.get("/api/pages/nowhere/").status_code == 404
    assert client.post("/api/pages/", {"title": "x"}).status_code == 405
    assert client.delete("/api/pages/cell/").status_code == 405


def test_answers_carry_an_etag_and_answer_304(client, page):
    response = client.get("/api/pages/cell/")
    etag = response["ETag"]
    again = client.get("/api/pages/cell/", headers={"if-none-match": etag})
    assert again.status_code == 304
    edit_page(page, "Changed.\n")
    assert (
        client.get("/api/pages/cell/", headers={"if-none-match": etag}).status_code
        == 200
    )


def test_other_sites_may_not_read_it_unless_configured(client, page, settings):
    response = client.get(
        "/api/pages/", headers={"origin": "https://elsewhere.example"}
    )
    assert "Access-Control-Allow-Origin" not in response
    settings.CORS_ALLOWED_ORIGINS = ["https://friend.example"]
    allowed = client.get("/api/pages/", headers={"origin": "https://friend.example"})
    assert allowed["Access-Control-Allow-Origin"] == "https://friend.example"


def test_the_api_is_limited_per_address_like_the_site(client, page, settings):
    settings.RATELIMIT_ENABLE = True
    settings.WIKI_RATE_LIMITS = {**settings.WIKI_RATE_LIMITS, "api": "3/h"}
    cache.clear()
    statuses = [client.get("/api/pages/").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


def test_lists_take_a_constant_number_of_queries(client, db):
    for n in range(3):
        create_page(title=f"Few {n}", body="x")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/recent-changes/")
    for n in range(30):
        create_page(title=f"Many {n}", body="x")
    with CaptureQueriesContext(connection) as many:
        client.get("/api/recent-changes/")
    assert len(many) == len(few)


def test_the_schema_and_docs_are_served_from_the_site(client, db):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"openapi: 3" in schema.content
    docs = client.get("/api/docs/").text
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in docs
    assert "cdn" not in docs.lower() and "<style>" not in docs


@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("/api/nowhere/", 404),
        ("/api/pages/no-such-page/", 404),
        ("/api/pages/%C2%84/", 404),
        ("/api/pages/?page=", 404),
        ("/api/pages/?page=0", 404),
        ("/api/pages/?category=%00", 400),
        ("/api/search/?q=ball%1Boon", 400),
        ("/api/search/?discussions=maybe", 400),
        ("/api/search/?discussions=", 400),
        ("/api/recent-changes/?new_pages=maybe", 400),
        ("/api/recent-changes/?new_pages=", 400),
        ("/api/remakes/?year=", 400),
    ],
)
def test_every_error_under_the_api_is_json(client, db, address, status):
    response = client.get(address)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()


def test_errors_elsewhere_stay_the_sites_pages(client, db):
    assert client.get("/nowhere/")["Content-Type"].startswith("text/html")
    assert client.get("/search/?q=%00")["Content-Type"].startswith("text/html")


def test_the_schema_documents_every_answer(client, db):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    for operations in schema["paths"].values():
        for operation in operations.values():
            assert {"200", "400", "404", "429"} <= set(operation["responses"])
