"""History for every fact: who changed which field of the film data, when and why, and
staff restoring an earlier version unless it clashes with today's data."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from films.models import Actor, BoxOfficeFigure, ExternalLink, Film, RemakeStar
from tests.support.admin import submit_admin_form
from tests.support.html import messages_in, parse_html

FILM = "/wiki/miracle-in-cell-no-7/data-history/"


@pytest.fixture
def curator(staff_user):
    client = Client()
    client.force_login(staff_user)
    return client


def changes(client, url):
    """Each change shown: its heading, and its fields as (label, before, after)."""
    html = parse_html(client.get(url).text)
    return [
        (
            " ".join(item.div.get_text(" ", strip=True).split()),
            [
                tuple(cell.get_text(strip=True) for cell in row.select("th, td"))
                for row in item.select("tbody tr")
            ],
        )
        for item in html.select(".data-history > li")
    ]


def test_a_subject_page_links_to_its_data_history(client, seeded):
    html = parse_html(client.get("/wiki/ryu-seung-ryong/").text)
    assert html.select_one("#data-history-link")["href"] == (
        "/wiki/ryu-seung-ryong/data-history/"
    )
    assert client.get("/wiki/ryu-seung-ryong/data-history/").status_code == 200
    assert client.get("/wiki/not-a-subject/data-history/").status_code == 404


def test_an_admin_edit_is_recorded_with_who_when_and_each_field(
    client, seeded, curator
):
    actor = Actor.objects.get(slug="ryu-seung-ryong")
    change = reverse("admin:films_actor_change", args=[actor.pk])
    edited = submit_admin_form(curator, change, name="Ryu Seung-ryong (edited)")
    assert edited.status_code == 302
    heading, fields = changes(client, "/wiki/ryu-seung-ryong/data-history/")[0]
    assert heading.startswith("actor: Ryu Seung-ryong (edited) changed")
    assert "curator" in heading
    assert fields == [("Name", "Ryu Seung-ryong", "Ryu Seung-ryong (edited)")]


def test_changes_to_the_facts_a_page_shows_are_in_its_history(client, seeded, curator):
    figure = BoxOfficeFigure.objects.get(admissions=12_320_000)
    figure.admissions = 12_330_000
    figure.save()
    star = RemakeStar.objects.get(actor__slug="aras-bulut-iynemli")
    star.is_lead = False
    star.save()
    film = changes(client, FILM)[0]
    assert film[0].startswith("box-office figure: Ticket sales reached")
    assert film[1] == [("Admissions", "12320000", "12330000")]
    remake = changes(client, "/wiki/7-koğuştaki-mucize/data-history/")[0]
    assert remake[0].startswith("cast member: Aras Bulut İynemli in 7. Koğuştaki")
    assert remake[1] == [("In the lead role", "True", "False")]


def test_seed_reset_is_recorded_as_such(client, seeded):
    film = Film.objects.get(slug="miracle-in-cell-no-7")
    film.genre = "Thriller"
    film.save()
    call_command("seed", reset=True, verbosity=0)
    heading, fields = changes(client, FILM)[0]
    assert "seed --reset" in heading and "the wiki" in heading
    assert fields == [("Genre", "Thriller", "Comedy-drama")]


def test_staff_restore_an_earlier_version_and_the_restore_is_recorded(
    client, seeded, curator
):
    actor = Actor.objects.get(slug="ryu-seung-ryong")
    actor.name = "Someone Else"
    actor.save()
    earlier = actor.history.order_by("history_date")[0]
    url = reverse(
        "films:version_restore", args=[actor.slug, "actor", earlier.history_id]
    )
    response = curator.post(url, follow=True)
    assert "Restored the version of" in " ".join(messages_in(response))
    actor.refresh_from_db()
    assert actor.name == "Ryu Seung-ryong"
    heading, fields = changes(client, "/wiki/ryu-seung-ryong/data-history/")[0]
    assert "restored the version of" in heading and "curator" in heading
    assert fields == [("Name", "Someone Else", "Ryu Seung-ryong")]
    assert "Ryu Seung-ryong" in client.get("/wiki/miracle-in-cell-no-7/").text


def test_a_restore_that_would_clash_is_refused_with_the_reason(client, seeded, curator):
    first, second = ExternalLink.objects.order_by("position")[:2]
    old_name = first.name
    first.name = "Renamed"
    first.save()
    second.name = old_name
    second.save()
    earlier = first.history.order_by("history_date")[0]
    url = reverse(
        "films:version_restore",
        args=["miracle-in-cell-no-7", "externallink", earlier.history_id],
    )
    response = curator.post(url, follow=True)
    shown = " ".join(messages_in(response))
    assert shown.startswith("Not restored:") and "already exists" in shown
    first.refresh_from_db()
    assert first.name == "Renamed"


def test_only_staff_restore_and_only_by_post(client, seeded, user):
    actor = Actor.objects.get(slug="ryu-seung-ryong")
    record = actor.history.first()
    url = reverse(
        "films:version_restore", args=[actor.slug, "actor", record.history_id]
    )
    assert client.post(url).status_code == 403
    client.force_login(user)
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 405
    bad = reverse("films:version_restore", args=[actor.slug, "user", 1])
    client.force_login(user)
    assert client.post(bad).status_code == 403


def test_the_history_page_takes_as_many_queries_however_long(client, seeded):
    film = Film.objects.get(slug="miracle-in-cell-no-7")
    client.get(FILM)  # which pages are subjects' is known from here on
    with CaptureQueriesContext(connection) as short:
        client.get(FILM)
    for n in range(20):
        film.budget = f"Budget {n}"
        film.save()
        for link in film.external_links.all():
            link.position += 1
            link.save()
    with CaptureQueriesContext(connection) as long:
        client.get(FILM)
    assert len(long) == len(short)
