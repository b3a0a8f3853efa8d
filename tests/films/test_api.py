"""The film data in the read API: every kind, linked to the others and to its page."""

import pytest
from django.utils.encoding import iri_to_uri

from films.seeding import read_data

API = "http://testserver/api"


def test_the_film_with_its_cast_remakes_and_box_office(client, seeded):
    facts = read_data()
    film = client.get("/api/films/miracle-in-cell-no-7/").json()
    assert film["title"] == "Miracle in Cell No. 7"
    assert film["original_title"] == "7번방의 선물" and film["year"] == 2013
    assert film["page"] == "http://testserver/wiki/miracle-in-cell-no-7/"
    assert {(r["actor_name"], r["character_name"]) for r in film["cast"]} >= {
        ("Ryu Seung-ryong", "Lee Yong-gu"),
        ("Kal So-won", "Ye-sung"),
    }
    assert sorted(film["remakes"]) == sorted(
        iri_to_uri(f"{API}/remakes/{remake['slug']}/") for remake in facts["remakes"]
    )
    assert sorted(f["description"] for f in film["box_office"]) == sorted(
        f["description"] for f in facts["box_office"]
    )
    assert [link["url"] for link in film["external_links"]] == [
        link["url"] for link in facts["external_links"]
    ]


def test_links_lead_from_one_subject_to_the_next(client, seeded):
    remake = client.get(iri_to_uri("/api/remakes/7-koğuştaki-mucize/")).json()
    assert remake["original"] == f"{API}/films/miracle-in-cell-no-7/"
    star = remake["cast"][0]
    assert star["actor_name"] == "Aras Bulut İynemli" and star["is_lead"] is True
    actor = client.get(star["actor"].removeprefix("http://testserver")).json()
    assert actor["remake_roles"][0]["remake"] == remake["url"]
    character = client.get("/api/characters/ye-sung/").json()
    assert character["film"] == f"{API}/films/miracle-in-cell-no-7/"
    assert [r["note"] for r in character["played_by"]] == ["child", "adult"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/remakes/?country=India", 2),
        ("/api/remakes/?year=2019", 2),
        ("/api/characters/?film=miracle-in-cell-no-7", len(read_data()["characters"])),
        ("/api/characters/?name=ye", 1),
        ("/api/actors/?name=park", 2),
        ("/api/box-office/?film=miracle-in-cell-no-7", 5),
        ("/api/box-office/?film=no-such-film", 0),
    ],
)
def test_lists_filter_as_a_reader_would_expect(client, seeded, url, expected):
    assert client.get(url).json()["count"] == expected


def test_a_bad_filter_is_a_400_not_a_500(client, seeded):
    assert client.get("/api/remakes/?year=abc").status_code == 400
    huge = client.get("/api/films/?year=99999999999999999999")
    assert huge.status_code in (200, 400) and huge.json().get("count", 0) == 0
