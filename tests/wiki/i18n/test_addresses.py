"""Every interface language has its own addresses, and what a reader is served
depends on the address alone: never on a cookie or an Accept-Language header."""

import pytest
from django.conf import settings

from tests.support.html import parse_html

pytestmark = pytest.mark.django_db
PAGES = ["/", "/wiki/miracle-in-cell-no-7/", "/recent-changes/", "/films/"]
PREFIXES = {"en": ""} | {code: f"/{code}" for code, _ in settings.LANGUAGES[1:]}


@pytest.mark.parametrize("code", PREFIXES)
@pytest.mark.parametrize("path", PAGES)
def test_each_language_has_its_own_addresses(client, seeded, code, path):
    response = client.get(PREFIXES[code] + path)
    assert response.status_code == 200
    assert parse_html(response.content).html["lang"] == code
    assert response["Content-Language"] == code


def test_the_language_menu_links_to_the_same_page_in_every_language(client, seeded):
    page = parse_html(client.get("/tr/wiki/miracle-in-cell-no-7/?redirect=no").content)
    links = page.select("#language-menu a[hreflang]")
    assert {(a["hreflang"], a["href"]) for a in links} == {
        (code, f"{prefix}/wiki/miracle-in-cell-no-7/?redirect=no")
        for code, prefix in PREFIXES.items()
    }
    assert [a.text for a in links] == [name for _, name in settings.LANGUAGES]
    current = page.select('#language-menu a[aria-current="page"]')
    assert [(a["lang"], a.text) for a in current] == [("tr", "Türkçe")]


@pytest.mark.parametrize("path", PAGES)
def test_no_reader_is_served_another_languages_page(client, seeded, path):
    """Korean readers, by cookie and header, fill the cache first; an English and a
    Turkish reader after them still get their own addresses' language."""
    korean = {"HTTP_ACCEPT_LANGUAGE": "ko"}
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ko"
    for prefix in ("", "/tr"):
        client.get(prefix + path, **korean)
    client.cookies.clear()
    for code, prefix in (("en", ""), ("tr", "/tr")):
        response = client.get(prefix + path, HTTP_ACCEPT_LANGUAGE="en")
        assert response["Content-Language"] == code
        assert parse_html(response.content).html["lang"] == code


def test_pages_do_not_vary_by_the_readers_header(client, seeded):
    """The address says the language, so no cache in front need split by header."""
    for path in ("/", "/ko/", "/wiki/miracle-in-cell-no-7/"):
        response = client.get(path)
        assert "accept-language" not in response.get("Vary", "").lower()


def test_the_api_and_files_keep_one_address(client, seeded):
    assert client.get("/api/films/").status_code == 200
    assert client.get("/ko/api/films/").status_code == 404


def test_the_site_menu_drawn_once_per_language_is_each_readers_own(client, seeded):
    """The frame of a page is drawn once per language in each process: a reader in
    another language, or on the search page (which has its own search box), gets
    theirs, not the first one drawn."""

    def menu(url):
        page = parse_html(client.get(url).text)
        return page.select_one("#browse-menu summary").text, page.select(
            "form[role=search]"
        )

    english, english_search = menu("/wiki/")
    korean, korean_search = menu("/ko/wiki/")
    assert english == "Browse" and korean not in ("", "Browse")
    assert len(english_search) == len(korean_search) == 1
    assert korean_search[0]["action"].startswith("/ko/")
    _, searching = menu("/search/?q=cell")
    assert (
        len(searching) == 1
        and searching[0].select_one("input[name=q]")["value"] == "cell"
    )
    _, again = menu("/wiki/")
    assert len(again) == 1 and again[0].select_one("input[name=q]")["value"] == ""
