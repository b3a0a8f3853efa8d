"""Film data in the page cache: kept like any page, drawn afresh when data changes."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from films.models import Actor
from tests.support.admin import submit_admin_form
from tests.support.builders import create_page
from tests.support.html import parse_html

BROWSE = ["/", "/films/", "/characters/", "/actors/", "/remakes/"]


@pytest.mark.parametrize("url", BROWSE)
def test_the_home_page_and_browse_tables_are_kept_for_logged_out_readers(
    client, seeded, url
):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    assert len(queries) == 0


def test_a_new_page_shows_on_the_home_page_at_once(client, seeded):
    client.get("/")
    create_page(title="Filming locations", body="Where it was shot.")
    assert "Filming locations" in client.get("/").text


@pytest.mark.parametrize(
    "url",
    [
        "/wiki/ryu-seung-ryong/",  # the actor's own infobox
        "/wiki/lee-yong-gu/",  # a character he plays
        "/wiki/miracle-in-cell-no-7/",  # the film he stars in
        "/actors/",
        "/",
    ],
)
def test_an_admin_edit_of_a_subject_is_shown_everywhere_at_once(
    client, seeded, staff_user, url
):
    assert "Ryu Seung-ryong" in client.get(url).text
    curator = Client()
    curator.force_login(staff_user)
    actor = Actor.objects.get(slug="ryu-seung-ryong")
    change = reverse("admin:films_actor_change", args=[actor.pk])
    edited = submit_admin_form(curator, change, name="Ryu Seung-ryong (edited)")
    assert edited.status_code == 302
    assert "Ryu Seung-ryong (edited)" in client.get(url).text


def test_a_page_that_is_no_subject_looks_for_no_infobox(client, seeded):
    client.get("/wiki/miracle-in-cell-no-7/")  # which pages are subjects' is known now
    create_page(title="Trivia", body="Facts.")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/wiki/trivia/").text
    assert len(queries) == 1  # the page itself
    assert parse_html(html).select_one(".infobox") is None
