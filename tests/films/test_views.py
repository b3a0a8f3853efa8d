"""Browsing the film data: home, the four tables, subject pages and admin."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from films.models import (
    Actor,
    Character,
    ExternalLink,
    Film,
    Remake,
    RemakeStar,
    Role,
)
from films.services import film_data_changed, subject_page_ensure
from tests.support.admin import submit_admin_form
from tests.support.builders import edit_page
from tests.support.html import messages_in, parse_html
from wiki.models import Page


def add_cast(count):
    """Grow the data: more characters, actors, roles and remakes with stars."""
    film = Film.objects.get(slug="miracle-in-cell-no-7")
    ye_sung = Character.objects.get(slug="ye-sung")
    for n in range(count):
        actor = Actor.objects.create(slug=f"extra-actor-{n}", name=f"Extra Actor {n}")
        character = Character.objects.create(
            slug=f"extra-character-{n}", name=f"Extra {n}", film=film
        )
        Role.objects.create(
            film=film, actor=actor, character=character, billing=100 + n
        )
        remake = Remake.objects.create(
            slug=f"extra-remake-{n}",
            page_title=f"Extra remake {n}",
            original=film,
            country="X",
        )
        RemakeStar.objects.create(
            remake=remake, actor=actor, character=ye_sung, character_name=f"Local {n}"
        )
        for subject in (actor, character, remake):
            subject_page_ensure(subject)
    film_data_changed()  # as admin does after a change


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/",
            [
                "Miracle in Cell No. 7",
                "7번방의 선물",
                "Ryu Seung-ryong",
                "Pushpaka Vimana",
                "Recently changed",
            ],
        ),
        (
            "/films/",
            ["Miracle in Cell No. 7", "7번방의 선물", "Comedy-drama", "Park Shin-hye"],
        ),
        (
            "/characters/",
            ["Lee Yong-gu", "Ye-sung", "Kal So-won", "(child)", "(adult)"],
        ),
        ("/actors/", ["Aras Bulut İynemli", "Oh Dal-su", "So Yang-ho"]),
        ("/remakes/", ["7. Koğuştaki Mucize", "Umesh Shukla", "Kannada", "Xia Vigor"]),
    ],
)
def test_browse_pages_show_the_data(client, seeded, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    for text in expected:
        assert text in response.text, text


def test_film_page_reads_like_an_encyclopedia_article(client, seeded):
    response = client.get("/wiki/miracle-in-cell-no-7/")
    html = response.text
    assert response.status_code == 200
    for heading in (
        "Plot",
        "Cast",
        "Box office",
        "Remakes",
        "Real-life basis",
        "External links",
    ):
        assert f">{heading}</h2>" in html
    assert 'class="infobox' in html
    assert (
        'href="/wiki/lee-yong-gu/"' in html and 'href="/wiki/ryu-seung-ryong/"' in html
    )
    assert "12,320,000 admissions" in html
    assert "wikilink-new" not in html, "every linked page exists after seeding"


def test_character_and_actor_pages_link_each_other_and_the_film(client, seeded):
    character = client.get("/wiki/ye-sung/").text
    assert (
        'href="/wiki/kal-so-won/"' in character
        and 'href="/wiki/park-shin-hye/"' in character
    )
    assert 'href="/wiki/miracle-in-cell-no-7/"' in character
    actor = client.get("/wiki/kal-so-won/").text
    assert (
        'href="/wiki/ye-sung/"' in actor
        and 'href="/wiki/miracle-in-cell-no-7/"' in actor
    )


def test_remake_pages_link_to_the_original_and_their_stars(client, seeded):
    html = client.get(reverse("wiki:page", kwargs={"slug": "7-koğuştaki-mucize"})).text
    assert 'href="/wiki/miracle-in-cell-no-7/"' in html
    assert 'href="/wiki/aras-bulut-iynemli/"' in html and "(lead role)" in html


PAGES_TO_COUNT = [
    "/",
    "/films/",
    "/characters/",
    "/actors/",
    "/remakes/",
    "/wiki/",
    "/wiki/miracle-in-cell-no-7/",
    "/wiki/ye-sung/",
    "/wiki/ryu-seung-ryong/",
    "/wiki/pushpaka-vimana/",
    "/api/films/",
    "/api/characters/",
    "/api/actors/",
    "/api/remakes/",
]


@pytest.mark.parametrize("url", PAGES_TO_COUNT)
def test_query_count_does_not_grow_with_the_data(client, seeded, url):
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    add_cast(15)
    with CaptureQueriesContext(connection) as grown:
        assert client.get(url).status_code == 200
    assert len(grown) == len(small)


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # The film's box office, for its chart; every subject's names in other
        # languages.
        ("/", 7),
        ("/films/", 4),
        # The page; which slugs are subjects'; the film; its cast, remakes, box
        # office, links and names in other languages.
        ("/wiki/miracle-in-cell-no-7/", 8),
        ("/wiki/ryu-seung-ryong/", 6),
    ],
)
def test_pages_take_few_queries_with_nothing_cached(
    client, seeded, django_assert_num_queries, url, queries
):
    with django_assert_num_queries(queries):
        client.get(url)


@pytest.mark.parametrize(
    "url", ["/wiki/miracle-in-cell-no-7/", "/wiki/ryu-seung-ryong/", "/wiki/ye-sung/"]
)
def test_an_edited_subject_page_is_drawn_in_one_query_with_its_infobox_kept(
    client, seeded, django_assert_num_queries, url
):
    client.get(url)
    page = Page.objects.get(slug=url.split("/")[2])
    edit_page(page, "A new text.")
    with django_assert_num_queries(1):
        html = client.get(url).text
    assert "A new text." in html and 'class="infobox' in html


ADMIN_MODELS = [
    "film",
    "character",
    "actor",
    "remake",
    "role",
    "boxofficefigure",
    "remakestar",
    "externallink",
]


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_admin_changelists_and_change_forms_open_for_staff(
    client, seeded, staff_user, model
):
    client.force_login(staff_user)
    changelist = client.get(reverse(f"admin:films_{model}_changelist"))
    assert changelist.status_code == 200
    obj = changelist.context["cl"].result_list[0]
    assert (
        client.get(reverse(f"admin:films_{model}_change", args=[obj.pk])).status_code
        == 200
    )


def test_admin_search_and_filters_work(client, seeded, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("admin:films_actor_changelist"), {"q": "Park"})
    assert {a.name for a in response.context["cl"].result_list} == {
        "Park Shin-hye",
        "Park Won-sang",
    }
    response = client.get(
        reverse("admin:films_remake_changelist"), {"country": "India"}
    )
    assert len(response.context["cl"].result_list) == 2


def test_adding_an_actor_in_admin_gives_them_a_page(client, seeded, staff_user):
    client.force_login(staff_user)
    response = submit_admin_form(
        client, reverse("admin:films_actor_add"), name="New Actor", slug="new-actor"
    )
    assert response.status_code == 302
    page = client.get("/wiki/new-actor/")
    assert page.status_code == 200 and "New Actor" in page.text


def test_admin_refuses_anonymous_and_non_staff(client, seeded, user):
    url = reverse("admin:films_film_changelist")
    assert client.get(url).status_code == 302
    client.force_login(user)
    assert client.get(url).status_code == 302


def test_the_films_external_links_are_links_off_the_site(client, seeded):
    html = parse_html(client.get("/wiki/miracle-in-cell-no-7/").text)
    infobox = html.select_one("aside.infobox")
    links = infobox.select("a.external")
    assert [a.get_text() for a in links] == [
        "Official website (in Korean)",
        "Miracle in Cell No. 7 at HanCinema",
        "Miracle in Cell No. 7 at the Korean Movie Database",
        "Miracle in Cell No. 7 at IMDb",
    ]
    for a in links + html.select(".wiki-body a.external"):
        assert a["href"].startswith("https://")
        assert {"nofollow", "noopener"} <= set(a["rel"])
    assert len(html.select(".wiki-body a.external")) == 4


def test_seeding_fills_in_a_link_address_left_blank(seeded):
    ExternalLink.objects.filter(name__endswith="IMDb").update(url="")
    call_command("seed", verbosity=0)
    assert ExternalLink.objects.get(name__endswith="IMDb").url.startswith(
        "https://www.imdb.com/find/"
    )


def test_film_data_in_admin_refuses_control_characters(client, staff_user, seeded):
    film = Film.objects.get(slug="miracle-in-cell-no-7")
    client.force_login(staff_user)
    url = reverse("admin:films_film_change", args=[film.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    response = client.post(url, {**data, "genre": "Drama\x07"})
    assert response.status_code == 200 and "control character" in response.text
    film.refresh_from_db()
    assert "\x07" not in film.genre


def search_titles(client, q):
    response = client.get("/search/", {"q": q})
    return [hit.page.title for hit in response.context["page_obj"]]


def test_seeded_film_is_found_by_its_korean_title(client, seeded):
    assert search_titles(client, "7번방의 선물")[0] == "Miracle in Cell No. 7"
    assert "Miracle in Cell No. 7" in search_titles(client, "Aras Bulut İynemli")


def test_templates_hold_no_inline_script_or_event_handler(client, seeded):
    for url in ["/", "/wiki/miracle-in-cell-no-7/", "/accounts/login/", "/films/"]:
        html = parse_html(client.get(url).text)
        # Linked data is a data block, which browsers never run.
        assert all(
            script.get("src") or script.get("type") == "application/ld+json"
            for script in html.select("script")
        )
        assert not [
            attribute
            for tag in html.find_all(True)
            for attribute in tag.attrs
            if attribute.lower().startswith("on")
        ]


def test_every_list_of_people_words_a_lead_role_alike(client, seeded):
    for url in ["/", "/remakes/", "/actors/", "/wiki/aras-bulut-iynemli/"]:
        text = " ".join(parse_html(client.get(url).text).get_text().split())
        assert "7. Koğuştaki Mucize (lead role)" in text or (
            "Aras Bulut İynemli (lead role)" in text
        ), url
        assert "(lead)" not in text, url


def test_a_film_subjects_page_cannot_be_deleted(client, staff_user, seeded):
    staff = client
    staff.force_login(staff_user)
    response = staff.post("/wiki/ye-sung/delete/", {"reason": "Gone"})
    assert any(
        "belongs to the character" in m
        for m in messages_in(staff.get("/wiki/ye-sung/"))
    )
    assert response.status_code == 302
    assert Page.objects.live().filter(slug="ye-sung").exists()
    page = Page.objects.get(slug="ye-sung")
    admin = staff.get(reverse("admin:wiki_page_delete", args=[page.pk]))
    assert admin.status_code == 403


def test_films_puts_its_subjects_pages_in_their_categories(client, seeded):
    def categories(slug):
        html = parse_html(client.get(f"/wiki/{slug}/").text)
        return [a.text for a in html.select(".catlinks a")]

    assert categories("miracle-in-cell-no-7") == ["Films"]
    assert categories("ye-sung") == ["Characters", "Miracle in Cell No. 7 cast"]
    assert categories("ryu-seung-ryong") == ["Actors"]
    assert categories("pushpaka-vimana") == ["Remakes"]
    html = parse_html(client.get("/categories/remakes/").text)
    assert len(html.select(".category-members a")) == 5
    body = Page.objects.get(slug="ye-sung").current_revision.body
    assert "[[Category" not in body


@pytest.mark.parametrize(
    "slug, title_row",
    [
        ("7-koğuştaki-mucize", None),
        ("pushpaka-vimana", None),
        ("miracle-in-cell-no-7-2019-philippine-film", "Miracle in Cell No. 7"),
    ],
)
def test_a_remakes_infobox_names_its_title_once(client, seeded, slug, title_row):
    """Headed by the page's title, it shows the film's own only where that differs."""
    infobox = parse_html(client.get(f"/wiki/{slug}/").content).select_one(".infobox")
    labels = [th.get_text(strip=True) for th in infobox.select("th")]
    assert len(labels) == len(set(labels))
    rows = {
        th.get_text(strip=True): th.find_next("td").get_text(strip=True)
        for th in infobox.select("th")
    }
    assert rows.get("Title") == title_row
