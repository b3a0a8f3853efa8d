"""Linked data (schema.org JSON-LD) and Open Graph cards on the pages, from the data."""

import json

import pytest

from films.models import ExternalLink, Film
from films.seeding import read_data
from films.services import film_data_changed
from tests.support.builders import create_page
from tests.support.html import parse_html

BASE = "http://127.0.0.1:8000"


def linked_data(client, url):
    html = parse_html(client.get(url).text)
    blocks = html.select('script[type="application/ld+json"]')
    assert len(blocks) == 1, url
    return json.loads(blocks[0].string)


def meta(client, url):
    html = parse_html(client.get(url).text)
    return {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in html.select("head meta[content]")
    }


@pytest.fixture
def facts():
    return read_data()


def test_the_film_is_a_movie_with_its_facts(client, seeded, facts):
    film = facts["films"][0]
    data = linked_data(client, "/wiki/miracle-in-cell-no-7/")
    assert data["@context"] == "https://schema.org" and data["@type"] == "Movie"
    assert data["name"] == film["title"]
    assert film["original_title"] in data["alternateName"]
    assert data["dateCreated"] == data["datePublished"] == str(film["year"])
    assert data["countryOfOrigin"] == {"@type": "Country", "name": film["country"]}
    assert data["inLanguage"] == film["language"] and data["genre"] == film["genre"]
    assert data["url"] == f"{BASE}/wiki/miracle-in-cell-no-7/"
    assert data["sameAs"] == [link["url"] for link in facts["external_links"]]


def test_the_film_names_every_actor_in_their_role(client, seeded, facts):
    actors = {actor["slug"]: actor["name"] for actor in facts["actors"]}
    characters = {c["slug"]: c["name"] for c in facts["characters"]}
    data = linked_data(client, "/wiki/miracle-in-cell-no-7/")
    roles = {
        (role["actor"]["name"], role["characterName"])
        for role in data["actor"]
        if role["@type"] == "PerformanceRole" and role["actor"]["@type"] == "Person"
    }
    assert roles == {
        (actors[role["actor"]], characters[role["character"]])
        for role in facts["roles"]
    }
    assert ("Kal So-won", "Ye-sung") in roles and ("Park Shin-hye", "Ye-sung") in roles


def test_each_remake_is_a_movie_based_on_the_original(client, seeded, facts):
    for remake in facts["remakes"]:
        data = linked_data(client, f"/wiki/{remake['slug']}/")
        assert data["@type"] == "Movie"
        assert data["name"] == (remake["title"] or remake["page_title"])
        assert data["countryOfOrigin"]["name"] == remake["country"]
        assert data.get("datePublished") == (remake["year"] and str(remake["year"]))
        assert data["isBasedOn"]["url"] == f"{BASE}/wiki/miracle-in-cell-no-7/"
    turkish = linked_data(client, "/wiki/7-koğuştaki-mucize/")
    assert {"@type": "Person"}.items() <= turkish["actor"][0].items()
    assert "Aras Bulut İynemli" in {person["name"] for person in turkish["actor"]}


def test_an_actor_is_a_person_with_their_roles(client, seeded):
    graph = linked_data(client, "/wiki/kal-so-won/")["@graph"]
    person, *works = graph
    assert person["@type"] == "Person" and person["name"] == "Kal So-won"
    assert works[0]["name"] == "Miracle in Cell No. 7"
    assert works[0]["actor"]["characterName"] == "Ye-sung"
    assert works[0]["actor"]["actor"] == {"@id": person["@id"]}


def test_a_character_is_shown_within_its_film(client, seeded):
    data = linked_data(client, "/wiki/ye-sung/")
    assert data["@type"] == "Movie" and data["name"] == "Miracle in Cell No. 7"
    assert {role["actor"]["name"] for role in data["actor"]} == {
        "Kal So-won",
        "Park Shin-hye",
    }
    assert {role["characterName"] for role in data["actor"]} == {"Ye-sung"}


def test_hostile_text_cannot_leave_the_linked_data(client, seeded):
    hostile = '</script><script src="https://evil.example/x.js"></script><!--'
    Film.objects.filter(slug="miracle-in-cell-no-7").update(
        title=f"Miracle {hostile}", genre=hostile
    )
    ExternalLink.objects.update(url="https://example.org/?q=</script>")
    film_data_changed()
    response = client.get("/wiki/miracle-in-cell-no-7/")
    assert "evil.example" not in "".join(
        str(script.get("src")) for script in parse_html(response.text).select("script")
    )
    data = linked_data(client, "/wiki/miracle-in-cell-no-7/")
    assert data["name"] == f"Miracle {hostile}" and data["genre"] == hostile
    assert set(data["sameAs"]) == {"https://example.org/?q=</script>"}


def test_a_page_has_an_open_graph_card_with_its_lead(client, seeded):
    create_page(
        title="Filming",
        body="## Where\n\nShot in *Seoul* & Busan **over** [[Ye-sung|weeks]].\n\nMore.",
    )
    card = meta(client, "/wiki/filming/")
    assert card["og:title"] == card["twitter:title"] == "Filming"
    assert card["og:description"] == "Shot in Seoul & Busan over weeks."
    assert card["description"] == card["twitter:description"] == card["og:description"]
    assert card["og:type"] == "article"
    # A picture of the page, not a bare text card.
    assert card["twitter:card"] == "summary_large_image"
    assert card["og:image"] == card["twitter:image"] == f"{BASE}/wiki/filming/card.png"
    assert card["og:url"] == f"{BASE}/wiki/filming/"


@pytest.mark.parametrize("url", ["/", "/films/", "/wiki/", "/search/?q=cell"])
def test_every_page_has_an_open_graph_card(client, seeded, url, settings):
    card = meta(client, url)
    assert card["og:site_name"] == settings.WIKI_SITE_NAME
    assert card["og:title"] and card["twitter:card"] == "summary_large_image"
    assert card["og:image"] == f"{BASE}/card.png"
    assert card["og:url"] == BASE + url.split("?")[0]
    # A page that says nothing of itself is described as the site.
    assert card["description"] == card["og:description"]
    assert card["description"].startswith(("A fan wiki", "A mentally"))


def test_a_long_lead_is_cut_at_forty_words(client, seeded):
    create_page(title="Long", body=" ".join(f"word{n}" for n in range(100)))
    description = meta(client, "/wiki/long/")["og:description"]
    assert description.startswith("word0 word1") and description.endswith("…")
    assert len(description.split()) == 40


def test_the_home_page_card_tells_what_the_film_is_about(client, seeded, facts):
    assert meta(client, "/")["og:description"] == facts["films"][0]["logline"]
