"""Found by search engines and shared well: the sitemap, robots.txt, noindex and
canonical links, the OpenSearch description and its suggestions, share cards."""

import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from PIL import Image

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.sitemaps import ArticleSitemap

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://wiki.example.org"


def sitemap_addresses(response):
    root = ET.fromstring(response.content)
    return {
        url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod").text
        for url in root.iter(f"{SITEMAP}url")
    }


@override_settings(WIKI_BASE_URL=BASE)
def test_the_sitemap_lists_every_live_article_and_category_with_its_last_change(
    client, seeded
):
    create_page(title="Balloon", body="Red. [[Category:Symbols]]")
    create_page(title="Old name", body="#REDIRECT [[Balloon]]")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    addresses = sitemap_addresses(response)
    assert f"{BASE}/wiki/miracle-in-cell-no-7/" in addresses
    assert f"{BASE}/wiki/lee-yong-gu/" in addresses
    assert f"{BASE}/wiki/balloon/" in addresses
    assert f"{BASE}/categories/symbols/" in addresses
    assert f"{BASE}/categories/films/" in addresses
    # Redirects, talk pages and nothing under another host.
    assert f"{BASE}/wiki/old-name/" not in addresses
    assert not any("/talk/" in address for address in addresses)
    assert all(address.startswith(BASE) for address in addresses)


@override_settings(WIKI_BASE_URL=BASE)
def test_the_sitemap_is_renewed_when_the_wiki_changes(client, seeded):
    page = create_page(title="Balloon", body="Red.")
    before = sitemap_addresses(client.get("/sitemap.xml"))
    assert f"{BASE}/wiki/kite/" not in before
    create_page(title="Kite", body="Blue.")
    edit_page(page, "Red and round.")
    after = sitemap_addresses(client.get("/sitemap.xml"))
    assert f"{BASE}/wiki/kite/" in after
    assert (
        after[f"{BASE}/wiki/balloon/"]
        == page.current_revision.created_at.date().isoformat()
    )


@override_settings(WIKI_BASE_URL=BASE)
def test_past_one_files_limit_the_sitemap_is_an_index_of_numbered_files(
    client, seeded, monkeypatch
):
    monkeypatch.setattr(ArticleSitemap, "limit", 10)
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    files = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert f"{BASE}/sitemap-articles.xml" in files
    assert f"{BASE}/sitemap-articles.xml?p=3" in files
    assert f"{BASE}/sitemap-categories.xml" in files
    pages = [
        sitemap_addresses(client.get("/sitemap-articles.xml", {"p": n}))
        for n in (1, 2, 3)
    ]
    assert sum(len(page) for page in pages) == len(
        sitemap_addresses(client.get("/sitemap-articles.xml", {"p": 1}))
    ) + len(pages[1]) + len(pages[2])
    assert all(0 < len(page) <= 10 for page in pages)
    assert client.get("/sitemap-articles.xml", {"p": 99}).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


@override_settings(WIKI_BASE_URL=BASE)
def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_tools(
    client, seeded
):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    for rule in (
        "/wiki/*/edit/",
        "/wiki/*/history/",
        "/wiki/*/revisions/",
        "/wiki/*/diff/",
        "/search/",
        "/maintenance/",
        "/ko/wiki/*/history/",
        "/tr/search/",
    ):
        assert f"Disallow: {rule}" in lines
    # Articles themselves stay open.
    assert "Disallow: /wiki/" not in lines


NOT_INDEXED = [
    "/wiki/miracle-in-cell-no-7/history/",
    "/wiki/miracle-in-cell-no-7/revisions/{first}/",
    "/wiki/miracle-in-cell-no-7/diff/{first}/{second}/",
    "/search/?q=prison",
    "/maintenance/",
    "/maintenance/wanted/",
    "/recent-changes/",
    "/accounts/login/",
    "/wiki/no-such-page/",
]
INDEXED = [
    "/",
    "/wiki/miracle-in-cell-no-7/",
    "/films/",
    "/categories/films/",
    "/wiki/",
]


@pytest.fixture
def two_revisions(seeded):
    from wiki.models import Page

    page = Page.objects.get(slug="miracle-in-cell-no-7")
    first = page.current_revision
    edit_page(page, first.body + "\n\nOne more line.")
    page.refresh_from_db()
    return {"first": first.pk, "second": page.current_revision_id}


@override_settings(WIKI_BASE_URL=BASE)
def test_tools_say_noindex_and_articles_do_not(client, two_revisions):
    for path in NOT_INDEXED:
        html = parse_html(client.get(path.format(**two_revisions)).content)
        robots = html.select_one('meta[name="robots"]')
        assert robots is not None and robots["content"] == "noindex", path
    for path in INDEXED:
        html = parse_html(client.get(path).content)
        assert html.select_one('meta[name="robots"]') is None, path


@override_settings(WIKI_BASE_URL=BASE)
def test_every_page_has_a_canonical_link_on_the_base_url(client, seeded):
    expected = {
        "/": f"{BASE}/",
        "/wiki/miracle-in-cell-no-7/": f"{BASE}/wiki/miracle-in-cell-no-7/",
        "/wiki/lee-yong-gu/?utm_source=x": f"{BASE}/wiki/lee-yong-gu/",
        "/films/": f"{BASE}/films/",
        "/wiki/?page=1": f"{BASE}/wiki/",
        "/ko/wiki/lee-yong-gu/": f"{BASE}/ko/wiki/lee-yong-gu/",
        "/categories/films/": f"{BASE}/categories/films/",
    }
    for path, canonical in expected.items():
        links = parse_html(client.get(path).content).select('link[rel="canonical"]')
        assert [link["href"] for link in links] == [canonical], path


@override_settings(WIKI_BASE_URL=BASE)
def test_the_opensearch_description_lets_browsers_add_the_wiki(client, seeded):
    page = parse_html(client.get("/").content)
    link = page.select_one('link[rel="search"]')
    assert link["type"] == "application/opensearchdescription+xml"
    response = client.get(link["href"])
    assert response["Content-Type"] == "application/opensearchdescription+xml"
    root = ET.fromstring(response.content)
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    templates = {url.get("type"): url.get("template") for url in root.iter(f"{ns}Url")}
    assert templates["text/html"] == f"{BASE}/search/?q={{searchTerms}}"
    assert (
        templates["application/x-suggestions+json"]
        == f"{BASE}/search/suggest/?q={{searchTerms}}"
    )


@override_settings(WIKI_BASE_URL=BASE)
def test_suggestions_are_titles_by_prefix_with_redirects(client, seeded):
    create_page(title="Yong-gu", body="#REDIRECT [[Lee Yong-gu]]")
    response = client.get("/search/suggest/", {"q": "Lee Yo"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-suggestions+json"
    query, titles, descriptions, addresses = json.loads(response.content)
    assert query == "Lee Yo"
    assert titles == ["Lee Yong-gu"]
    assert addresses == [f"{BASE}/wiki/lee-yong-gu/"]
    _, titles, _, _ = json.loads(client.get("/search/suggest/", {"q": "yong"}).content)
    assert titles == ["Yong-gu"]
    _, titles, _, _ = json.loads(
        client.get("/search/suggest/", {"q": "miracle"}).content
    )
    assert titles[0] == "Miracle in Cell No. 7"
    assert len(titles) == 3
    _, titles, _, _ = json.loads(client.get("/search/suggest/", {"q": "7번방"}).content)
    assert titles == []
    assert json.loads(client.get("/search/suggest/", {"q": ""}).content) == [
        "",
        [],
        [],
        [],
    ]


def test_suggestions_take_constant_queries(
    client, seeded, django_assert_max_num_queries
):
    for number in range(30):
        create_page(title=f"Room {number}", body="A cell.")
    with django_assert_max_num_queries(3):
        response = client.get("/search/suggest/", {"q": "room"})
    assert len(json.loads(response.content)[1]) == 10


@pytest.mark.parametrize("query", ["a\x01b", "x" * 201])
def test_bad_suggestion_queries_get_a_clear_400(client, seeded, query):
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 400
    assert json.loads(response.content) == {"detail": "Bad Request"}


@override_settings(WIKI_BASE_URL=BASE)
def test_every_page_has_a_share_card_drawn_from_its_own_data(client, seeded):
    html = parse_html(client.get("/wiki/miracle-in-cell-no-7/").content)
    image = html.select_one('meta[property="og:image"]')["content"]
    assert image == f"{BASE}/wiki/miracle-in-cell-no-7/card.png"
    assert (
        html.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    )
    response = client.get("/wiki/miracle-in-cell-no-7/card.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    card = Image.open(io.BytesIO(response.content))
    assert card.size == (1200, 630)
    for path in ("/", "/films/", "/search/?q=cell"):
        html = parse_html(client.get(path).content)
        assert (
            html.select_one('meta[property="og:image"]')["content"]
            == f"{BASE}/card.png"
        )
    assert client.get("/card.png")["Content-Type"] == "image/png"
    assert client.get("/wiki/no-such-page/card.png").status_code == 404


def test_a_share_card_is_drawn_again_when_its_page_changes(client, seeded):
    page = create_page(title="Balloon", body="Red.")
    first = client.get("/wiki/balloon/card.png").content
    assert client.get("/wiki/balloon/card.png").content == first
    from wiki.services.pages import page_update

    page_update(page=page, title="Red balloon")
    assert client.get("/wiki/balloon/card.png").content != first


def test_spoilers_fold_behind_a_warning_that_opens_without_script(client, seeded):
    create_page(
        title="Ending", body="Intro.\n\n::: spoiler\nHe **dies**.\n:::\n\nAfter."
    )
    html = parse_html(client.get("/wiki/ending/").content)
    spoiler = html.select_one(".wiki-body details.spoiler")
    assert spoiler.summary.text.startswith("Spoiler")
    assert spoiler.select_one("strong").text == "dies"
    assert not spoiler.has_attr("open")
    told = create_page(title="Told", body="::: spoiler The 2019 ending\nx\n:::")
    html = parse_html(client.get(told.get_absolute_url()).content)
    assert html.select_one("details.spoiler summary").text == "The 2019 ending"


def test_the_seeded_plot_is_a_spoiler(client, seeded):
    html = parse_html(client.get("/wiki/miracle-in-cell-no-7/").content)
    spoiler = html.select_one("details.spoiler")
    assert "Yong-gu" in spoiler.text
    assert spoiler.find_previous("h2").text.strip() == "Plot"


@override_settings(WIKI_BASE_URL=BASE)
def test_the_sitemap_index_takes_constant_queries(
    client, seeded, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(ArticleSitemap, "limit", 10)
    for number in range(30):
        create_page(title=f"Room {number}", body="A cell. [[Category:Rooms]]")
    with django_assert_max_num_queries(8):
        response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    dates = {date.text for date in root.iter(f"{SITEMAP}lastmod")}
    assert dates and all(date for date in dates)
