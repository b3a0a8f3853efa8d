"""One character across versions: who plays them in each remake, under which name."""

import json

from django.test import Client
from django.urls import reverse

from films.models import Character, Film, RemakeStar
from tests.support.html import parse_html


def infobox_row(client, url, label):
    html = parse_html(client.get(url).text)
    for row in html.select(".infobox tr"):
        if row.th.get_text(strip=True) == label:
            return " ".join(row.td.get_text(" ", strip=True).split())
    return None


def map_role(curator, star, **fields):
    data = {
        "remake": star.remake_id,
        "actor": star.actor_id,
        "is_lead": "on" if star.is_lead else "",
        "billing": star.billing,
        "character": "",
        "character_name": "",
        **fields,
    }
    change = reverse("admin:films_remakestar_change", args=[star.pk])
    return curator.post(change, data)


def test_a_role_in_a_remake_names_the_original_character_and_its_local_name(
    client, seeded, staff_user
):
    assert infobox_row(client, "/wiki/lee-yong-gu/", "In other versions") is None
    curator = Client()
    curator.force_login(staff_user)
    star = RemakeStar.objects.get(actor__slug="aras-bulut-iynemli")
    father = Character.objects.get(slug="lee-yong-gu")
    response = map_role(
        curator, star, character=father.pk, character_name="A local name"
    )
    assert response.status_code == 302

    assert infobox_row(client, "/wiki/lee-yong-gu/", "In other versions") == (
        "Aras Bulut İynemli (as A local name, lead role) in 7. Koğuştaki Mucize"
    )
    assert infobox_row(client, "/wiki/7-koğuştaki-mucize/", "Starring") == (
        "Aras Bulut İynemli (as A local name, lead role)"
    )
    html = parse_html(client.get("/wiki/7-koğuştaki-mucize/").text)
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["actor"][0]["characterName"] == "A local name"
    assert data["actor"][0]["actor"]["name"] == "Aras Bulut İynemli"


def test_without_a_local_name_the_role_goes_by_the_original_name(
    client, seeded, staff_user
):
    curator = Client()
    curator.force_login(staff_user)
    star = RemakeStar.objects.get(actor__slug="xia-vigor")
    ye_sung = Character.objects.get(slug="ye-sung")
    assert map_role(curator, star, character=ye_sung.pk).status_code == 302
    versions = infobox_row(client, "/wiki/ye-sung/", "In other versions")
    assert versions == (
        "Xia Vigor (as Ye-sung) in Miracle in Cell No. 7 (2019 Philippine film)"
    )


def test_a_character_of_another_film_is_refused(client, seeded, staff_user):
    other = Film.objects.create(
        slug="other-film", title="Other film", year=2000, country="X", language="Y"
    )
    stranger = Character.objects.create(slug="stranger", name="Stranger", film=other)
    curator = Client()
    curator.force_login(staff_user)
    star = RemakeStar.objects.get(actor__slug="aras-bulut-iynemli")
    response = map_role(curator, star, character=stranger.pk)
    assert response.status_code == 200
    assert "is a character of Other film" in response.text
    star.refresh_from_db()
    assert star.character is None


def test_the_remake_admin_edits_its_cast_inline(client, seeded, staff_user):
    curator = Client()
    curator.force_login(staff_user)
    remake = RemakeStar.objects.get(actor__slug="aras-bulut-iynemli").remake
    form = curator.get(reverse("admin:films_remake_change", args=[remake.pk])).text
    fields = {field["name"] for field in parse_html(form).select("[name]")}
    assert {"stars-0-character", "stars-0-character_name", "stars-0-actor"} <= fields
