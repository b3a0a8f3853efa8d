"""Kept pages answered before the middleware stack: the same bytes, headers and all, as
the page drawn afresh, in every encoding, for every kind of kept page."""

import gzip

import brotli
import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver

from tests.support.builders import create_page, edit_page
from wiki import page_cache
from wiki.models import Page
from wiki.services import talk_topic_add

ENCODINGS = {"br": "gzip, deflate, br", "gzip": "gzip, deflate", "identity": ""}


@pytest.fixture
def pages(seeded, user):
    create_page(title="Cell", body="A cell. [[Category:Prisons]]\n\n## Plot\n\nText.\n")
    page = Page.objects.get(slug="cell")
    edit_page(page, "A cell, larger. [[Category:Prisons]]\n", author=user)
    talk_topic_add(page=page, subject="Sources", message="Any?", author=user)
    return page


def kept_views(page):
    """An address of every kind of kept page, by the name of its route."""
    first, second = page.revisions.order_by("number")[:2]
    return {
        "home": "/",
        "film_list": "/films/",
        "character_list": "/characters/",
        "actor_list": "/actors/",
        "remake_list": "/remakes/",
        "page_list": "/wiki/",
        "talk": "/wiki/cell/talk/",
        "page": "/wiki/miracle-in-cell-no-7/",
        "share_card": "/wiki/cell/card.png",
        "site_card": "/card.png",
        "history": "/wiki/cell/history/",
        "revision": f"/wiki/cell/revisions/{first.pk}/",
        "diff": f"/wiki/cell/diff/{first.pk}/{second.pk}/",
        "protected": "/protected/",
        "search_suggest": "/search/suggest/?q=mir",
        "category_list": "/categories/",
        "category": "/categories/prisons/",
        "user": "/users/reader/",
        "sitemap": "/sitemap.xml",
        "sitemap_section": "/sitemap-articles.xml",
        "robots_txt": "/robots.txt",
        "opensearch": "/opensearch.xml",
    }


def cached_route_names(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from cached_route_names(pattern.url_patterns)
        elif hasattr(pattern.callback, "page_cache_policy"):
            yield pattern.name


def get(url, encoding="identity", **headers):
    """A logged-out reader's request, and the number of queries it made."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(
            url, headers={"accept-encoding": ENCODINGS[encoding], **headers}
        )
    return response, len(queries)


def reached_the_stack(response):
    """Whether the request went past the page cache: the session was looked at."""
    return hasattr(response.wsgi_request, "session")


def answer(response):
    return response.status_code, dict(response.headers), response.content


def test_every_kind_of_kept_page_is_covered_here(pages):
    assert set(cached_route_names(get_resolver().url_patterns)) == set(
        kept_views(pages)
    )


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_kept_page_is_byte_for_byte_the_page_drawn_afresh(pages, encoding):
    kept_answers = {}
    for name, url in kept_views(pages).items():
        drawn, _ = get(url, encoding)
        kept, kept_queries = get(url, encoding)
        assert drawn.status_code == 200, name
        assert reached_the_stack(drawn) and not reached_the_stack(kept), name
        assert kept_queries == 0, name
        assert answer(kept) == answer(drawn), name
        kept_answers[name] = kept
    # Forget the kept pages but not the versions, as a full cache does: each is
    # drawn again, and what is drawn is what had been kept.
    cache.delete_many(
        [
            f"{page_cache.response_key(url)}:http:{encoding}"
            for url in kept_views(pages).values()
        ]
    )
    for name, url in kept_views(pages).items():
        redrawn, _ = get(url, encoding)
        assert reached_the_stack(redrawn), name
        assert answer(redrawn) == answer(kept_answers[name]), name


def test_each_encoding_is_the_same_page_under_its_own_etag(pages):
    url = "/wiki/cell/"
    answers = {encoding: get(url, encoding)[0] for encoding in ENCODINGS}
    identity = answers["identity"].content
    assert brotli.decompress(answers["br"].content) == identity
    assert gzip.decompress(answers["gzip"].content) == identity
    assert answers["br"]["Content-Encoding"] == "br"
    assert answers["gzip"]["Content-Encoding"] == "gzip"
    assert not answers["identity"].has_header("Content-Encoding")
    etags = {encoding: response["ETag"] for encoding, response in answers.items()}
    assert len(set(etags.values())) == 3
    for response in answers.values():
        assert response["Vary"] == "Cookie, Accept-Encoding"
        assert int(response["Content-Length"]) == len(response.content)
    for encoding, etag in etags.items():
        for asked in ENCODINGS:
            response, queries = get(url, asked, if_none_match=etag)
            assert queries == 0
            assert response.status_code == (304 if asked == encoding else 200)


def test_kept_pages_carry_every_header_a_drawn_page_has(pages):
    drawn = Client().get("/wiki/cell/", headers={"accept-encoding": "br"})
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Content-Language",
    ):
        assert drawn.has_header(header), header


def test_a_reader_holding_only_a_csrf_or_language_cookie_gets_the_kept_page(pages):
    get("/wiki/cell/")
    for cookie in ("csrftoken=abcdefghijklmnopqrstuvwxyz012345", "wiki_language=ko"):
        response, queries = get("/wiki/cell/", cookie=cookie)
        assert response.status_code == 200 and queries == 0, cookie
        assert not response.cookies, cookie


def test_a_request_with_a_session_or_messages_passes_through(pages, user):
    get("/wiki/cell/")
    member = Client()
    member.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = member.get("/wiki/cell/")
    assert len(queries) > 0
    assert "private" in response["Cache-Control"]
    _, queries = get("/wiki/cell/", cookie="messages=anything")
    assert queries > 0


def test_a_kept_page_is_not_served_to_a_host_that_is_not_allowed(pages):
    get("/wiki/cell/")
    response, _ = get("/wiki/cell/", host="evil.example")
    assert response.status_code == 400


def test_a_page_in_another_language_is_kept_under_its_own_address(pages):
    english, _ = get("/wiki/cell/")
    korean, drawn = get("/ko/wiki/cell/")
    again, kept = get("/ko/wiki/cell/")
    assert drawn > 0 and kept == 0
    assert korean["Content-Language"] == again["Content-Language"] == "ko"
    assert english["Content-Language"] == "en"


def test_an_edit_is_served_at_once_in_every_encoding(pages):
    for encoding in ENCODINGS:
        get("/wiki/cell/", encoding)
    edit_page(pages, "Rebuilt from the ground up.\n")
    for encoding in ENCODINGS:
        response, _ = get("/wiki/cell/", encoding)
        body = response.content
        if encoding == "br":
            body = brotli.decompress(body)
        elif encoding == "gzip":
            body = gzip.decompress(body)
        assert b"Rebuilt from the ground up." in body, encoding


def test_with_nothing_kept_a_page_is_drawn_each_time_in_the_same_shape(pages, settings):
    settings.WIKI_PAGE_CACHE_SECONDS = 0
    first, _ = get("/wiki/cell/", "br")
    again, queries = get("/wiki/cell/", "br")
    assert queries > 0
    assert first["ETag"] == again["ETag"] and first["ETag"].endswith('-br"')
    assert brotli.decompress(again.content).startswith(b"<!DOCTYPE html>")
