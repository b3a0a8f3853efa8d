"""Every page type in every interface language: no string of the interface is left
in English, the page says its language, and the language costs no query."""

import re

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.builders import edit_page
from tests.support.html import parse_html
from wiki.catalogues import po_path
from wiki.models import Page

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _ in settings.LANGUAGES[1:]]
READER_PAGES = [
    "/",
    "/wiki/miracle-in-cell-no-7/",
    "/wiki/lee-yong-gu/",
    "/wiki/miracle-in-cell-no-7/history/",
    "/wiki/miracle-in-cell-no-7/talk/",
    "/wiki/miracle-in-cell-no-7/links-here/",
    "/wiki/",
    "/films/",
    "/characters/",
    "/actors/",
    "/remakes/",
    "/recent-changes/",
    "/new-pages/",
    "/search/?q=prison",
    "/categories/",
    "/files/",
    "/log/",
    "/maintenance/",
    "/maintenance/wanted/",
    "/protected/",
    "/blocks/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password_reset/",
    "/wiki/no-such-page-here/",
]
EDITOR_PAGES = [
    "/wiki/miracle-in-cell-no-7/edit/",
    "/watchlist/",
    "/watchlist/edit/",
    "/notifications/",
    "/accounts/settings/",
    "/files/upload/",
]


def english_left_over(code):
    """The interface's sentences (two words or more, without placeholders) that
    `code` translates: none of them may show on a page in `code`."""
    with po_path(code).open("rb") as file:
        catalog = read_po(file, locale=code)
    return {
        message.id
        for message in catalog
        if isinstance(message.id, str)
        and " " in message.id.strip()
        and "%" not in message.id
        and "<" not in message.id
        and message.string
        and message.string != message.id
    }


def visible_text(html, code, *, skip="script, style, code"):
    """The page's text in its own language: not its scripts, code samples, or
    anything marked as being in another language (the wiki's text and data)."""
    page = parse_html(html)
    for other in page.select(f"{skip}, [lang]"):
        if not other.decomposed and other.get("lang", "") != code:
            other.decompose()
    return " ".join(page.get_text(" ").split())


def assert_in_language(response, code, *, skip="script, style, code"):
    assert response["Content-Language"] == code
    assert parse_html(response.content).html["lang"] == code
    text = visible_text(response.content, code, skip=skip)
    left = sorted(s for s in english_left_over(code) if s in text)
    assert not left, f"English on a {code} page ({response.wsgi_request.path}): {left}"


@pytest.fixture
def with_history(seeded):
    """The film's page with a second revision, for history and its diff."""
    page = Page.objects.get(slug="miracle-in-cell-no-7")
    return edit_page(page, page.current_revision.body + "\n\nMore.", summary="test")


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_reader_page_speaks_the_language(client, with_history, code):
    for path in READER_PAGES:
        response = client.get(f"/{code}{path}")
        assert response.status_code in (200, 404), path
        assert_in_language(response, code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_editor_page_speaks_the_language(client, with_history, user, code):
    client.force_login(user)
    for path in EDITOR_PAGES:
        response = client.get(f"/{code}{path}")
        assert response.status_code == 200, path
        assert_in_language(response, code)


def test_numbers_and_dates_follow_the_language(client, seeded):
    english = parse_html(client.get("/wiki/miracle-in-cell-no-7/").content)
    turkish = parse_html(client.get("/tr/wiki/miracle-in-cell-no-7/").content)
    assert "12,320,000 admissions" in english.select_one(".infobox").get_text()
    assert "12.320.000 seyirci" in turkish.select_one(".infobox").get_text()
    korean = client.get("/ko/wiki/miracle-in-cell-no-7/").content.decode()
    assert re.search(r"마지막 편집: \d{4}년 \d{1,2}월 \d{1,2}일", korean)


def test_links_in_page_text_keep_the_readers_language(client, seeded):
    html = client.get("/ko/wiki/miracle-in-cell-no-7/").content.decode()
    body = parse_html(html).select_one(".wiki-body")
    hrefs = [a["href"] for a in body.select("a.wikilink")]
    assert hrefs and all(href.startswith("/ko/wiki/") for href in hrefs)
    english = parse_html(client.get("/wiki/miracle-in-cell-no-7/").content)
    assert all(
        a["href"].startswith("/wiki/")
        for a in english.select_one(".wiki-body").select("a.wikilink")
    )


@pytest.mark.parametrize(
    "path", ["/", "/wiki/miracle-in-cell-no-7/", "/recent-changes/", "/films/"]
)
def test_the_language_costs_no_query(client, seeded, path):
    counts = {}
    for code in ("", "/ko", "/kn"):
        client.get(code + path)  # warm the per-process caches alike
        with CaptureQueriesContext(connection) as queries:
            client.get(code + path + "?again")
        counts[code] = len(queries)
    assert len(set(counts.values())) == 1, counts


FILIPINO_MONTHS = [
    "Enero",
    "Pebrero",
    "Marso",
    "Abril",
    "Mayo",
    "Hunyo",
    "Hulyo",
    "Agosto",
    "Setyembre",
    "Oktubre",
    "Nobyembre",
    "Disyembre",
]


def test_djangos_own_strings_speak_filipino_too(client, seeded):
    """Django ships no Filipino: its form help, password rules and month names come
    from the site's catalogue."""
    signup = visible_text(client.get("/fil/accounts/signup/").content, "fil")
    assert "Hindi dapat puro numero ang password mo." in signup
    assert "Kailangan. Hanggang 150 character." in signup
    page = Page.objects.get(slug="miracle-in-cell-no-7")
    month = FILIPINO_MONTHS[page.current_revision.created_at.month - 1]
    detail = visible_text(client.get("/fil/wiki/miracle-in-cell-no-7/").content, "fil")
    assert month in detail


def admin_pages():
    from films.models import Film, Remake
    from wiki.models import EditFilter

    page = Page.objects.get(slug="miracle-in-cell-no-7")
    rule = EditFilter.objects.create(name="Shouting", pattern="!!!", warns=True)
    return [
        "/admin/",
        f"/admin/films/film/{Film.objects.get().pk}/change/",
        f"/admin/films/remake/{Remake.objects.first().pk}/change/",
        "/admin/films/actor/",
        f"/admin/wiki/page/{page.pk}/change/",
        f"/admin/wiki/editfilter/{rule.pk}/change/",
        "/admin/wiki/block/",
        "/admin/wiki/revision/",
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_admin_names_every_field_in_the_language(client, seeded, staff_user, code):
    """Contributors of every country keep the film data: the models' names, fields
    and help in admin speak their language (Django's own admin chrome is Django's)."""
    client.force_login(staff_user)
    for path in admin_pages():
        response = client.get(f"/{code}{path}")
        assert response.status_code == 200, path
        # The data being edited is the data's, in its own language: its texts,
        # values shown read only, and the names of the rows of inlines.
        assert_in_language(
            response, code, skip="script, style, code, textarea, .readonly, .original"
        )
    korean = parse_html(client.get(f"/ko{admin_pages()[1]}").content)
    assert korean.find("label", string="원제:") is not None
    assert "원래 문자로, 예: 7번방의 선물." in korean.get_text()
