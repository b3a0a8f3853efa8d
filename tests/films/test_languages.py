"""The film data says which language a name is in: the Korean title and the Turkish
remake's title are marked with their own `lang` wherever they are shown."""

import pytest
from django.urls import reverse

from films.models import Actor, Name
from films.services import film_data_changed
from tests.support.admin import submit_admin_form
from tests.support.html import parse_html

pytestmark = pytest.mark.django_db


def marked(html, text):
    """The `lang` of the innermost element holding exactly `text`."""
    page = parse_html(html)
    found = [el for el in page.find_all(string=True) if el.strip() == text]
    assert found, text
    element = found[0].parent
    while element is not None and not element.has_attr("lang"):
        element = element.parent
    return element["lang"]


@pytest.mark.parametrize("path", ["/", "/films/", "/wiki/miracle-in-cell-no-7/"])
def test_the_korean_title_is_marked_korean(client, seeded, path):
    assert marked(client.get(path).content, "7번방의 선물") == "ko"


@pytest.mark.parametrize("path", ["/", "/remakes/", "/wiki/7-koğuştaki-mucize/"])
def test_the_turkish_remakes_title_is_marked_turkish(client, seeded, path):
    html = client.get(path).content
    if path.startswith("/wiki/"):
        infobox = parse_html(html).select_one(".infobox")
        title = infobox.find(string="7. Koğuştaki Mucize").parent
        assert title["lang"] == "tr"
    else:
        assert marked(html, "7. Koğuştaki Mucize") == "tr"


def test_a_korean_reader_sees_the_films_korean_name_with_the_original_beside(
    client, seeded
):
    for path in ("/ko/wiki/miracle-in-cell-no-7/", "/ko/films/", "/ko/"):
        html = parse_html(client.get(path).content)
        local = html.find("span", lang="ko", string="7번방의 선물")
        assert local is not None, path
        beside = local.find_next_sibling("span", class_="subject-original-name")
        assert beside.find("span", lang="en").text == "Miracle in Cell No. 7", path
    english = parse_html(client.get("/films/").content)
    assert english.select_one(".subject-original-name") is None


@pytest.mark.parametrize(
    "path", ["/ko/wiki/ye-sung/", "/ko/wiki/ryu-seung-ryong/", "/ko/characters/"]
)
def test_lists_of_credits_name_the_film_in_the_readers_language(client, seeded, path):
    html = parse_html(client.get(path).content)
    local = html.find("span", lang="ko", string="7번방의 선물")
    assert local is not None and local.find_parent("a")["href"] == (
        "/ko/wiki/miracle-in-cell-no-7/"
    )


def test_a_cast_names_each_actor_in_the_readers_language(client, seeded):
    actor = Actor.objects.get(slug="ryu-seung-ryong")
    Name.objects.create(actor=actor, language="ko", name="류승룡")
    film_data_changed()  # as admin does after a change
    for path in ("/ko/", "/ko/wiki/miracle-in-cell-no-7/", "/ko/actors/"):
        html = parse_html(client.get(path).content)
        local = html.find("span", lang="ko", string="류승룡")
        assert local is not None, path
        beside = local.find_next_sibling("span", class_="subject-original-name")
        assert beside.text == "(Ryu Seung-ryong)", path
    english = parse_html(client.get("/").content)
    assert english.find(string="류승룡") is None


def test_the_turkish_stars_name_is_marked_turkish(client, seeded):
    for path in ("/actors/", "/remakes/"):
        assert marked(client.get(path).content, "Aras Bulut İynemli") == "tr", path
    # The page's own text is the page's language; its infobox, the data's.
    page = parse_html(client.get("/wiki/7-koğuştaki-mucize/").content)
    assert marked(str(page.select_one(".infobox")), "Aras Bulut İynemli") == "tr"


def test_names_in_other_languages_are_edited_in_admin_with_their_history(
    client, seeded, staff_user
):
    curator = client.__class__()
    curator.force_login(staff_user)
    actor = Actor.objects.get(slug="aras-bulut-iynemli")
    change = reverse("admin:films_actor_change", args=[actor.pk])
    response = submit_admin_form(
        curator,
        change,
        **{
            "names-TOTAL_FORMS": "1",
            "names-0-language": "hi",
            "names-0-name": "आरास बुलुत इनेमली",
        },
    )
    assert response.status_code == 302
    html = parse_html(client.get("/hi/actors/").content)
    assert html.find("span", lang="hi", string="आरास बुलुत इनेमली") is not None
    history = client.get("/wiki/aras-bulut-iynemli/data-history/").content.decode()
    assert "आरास बुलुत इनेमली (hi)" in history
    refused = submit_admin_form(
        curator,
        change,
        **{
            "names-TOTAL_FORMS": "2",
            "names-1-language": "not a code",
            "names-1-name": "X",
        },
    )
    assert refused.status_code == 200
    assert Actor.objects.get(pk=actor.pk).names.count() == 1
