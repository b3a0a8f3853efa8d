"""The seed command: complete, faithful to the article, and safe to run again."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from films.models import (
    Actor,
    BoxOfficeFigure,
    Character,
    ExternalLink,
    Film,
    Remake,
    RemakeStar,
    Role,
)
from tests.support.builders import edit_page
from wiki.models import Page
from wiki.namespaces import slug_for_title

FIXTURE = json.loads(
    (Path(settings.BASE_DIR) / "fixtures" / "miracle-in-cell-no-7.json").read_text(
        "utf-8"
    )
)
PAGES = Path(settings.BASE_DIR) / "fixtures" / "pages"
SUBJECT_MODELS = {
    "films": Film,
    "actors": Actor,
    "characters": Character,
    "remakes": Remake,
}


def run_seed(*args):
    out = StringIO()
    call_command("seed", *args, stdout=out)
    return out.getvalue()


def assert_fields(obj, entry, skip=()):
    for key, value in entry.items():
        if key in skip:
            continue
        actual = getattr(obj, key)
        if hasattr(actual, "isoformat"):
            actual = actual.isoformat()
        assert actual == value, f"{obj!r}.{key}"


@pytest.mark.parametrize("section", SUBJECT_MODELS)
def test_every_subject_of_the_fixture_is_loaded_with_all_its_fields(seeded, section):
    model = SUBJECT_MODELS[section]
    for entry in FIXTURE[section]:
        subject = model.objects.get(slug=entry["slug"])
        assert_fields(subject, entry, skip={"film", "original", "stars"})
    assert model.objects.count() == len(FIXTURE[section])


def test_every_cast_line_is_a_role(seeded):
    for entry in FIXTURE["roles"]:
        role = Role.objects.get(
            film__slug=entry["film"],
            actor__slug=entry["actor"],
            character__slug=entry["character"],
        )
        assert_fields(role, entry, skip={"film", "actor", "character"})
    assert Role.objects.count() == len(FIXTURE["roles"]) == 9


def test_every_box_office_figure_remake_star_and_link_is_loaded(seeded):
    for entry in FIXTURE["box_office"]:
        figure = BoxOfficeFigure.objects.get(description=entry["description"])
        assert_fields(figure, entry, skip={"film"})
    for entry in FIXTURE["remakes"]:
        stars = RemakeStar.objects.filter(remake__slug=entry["slug"])
        assert [s.actor.slug for s in stars] == [
            star["actor"] for star in entry["stars"]
        ]
    for entry in FIXTURE["external_links"]:
        assert ExternalLink.objects.filter(name=entry["name"]).exists()


def test_every_subject_has_exactly_one_page_at_its_slug_with_the_seed_text(seeded):
    for section, model in SUBJECT_MODELS.items():
        for subject in model.objects.all():
            assert slug_for_title(subject.page_title) == subject.slug, section
            page = Page.objects.get(slug=subject.slug)
            assert page.title == subject.page_title
            body = (PAGES / f"{subject.slug}.md").read_text("utf-8")
            assert page.current_revision.body == body
    assert Page.objects.count() == sum(len(FIXTURE[s]) for s in SUBJECT_MODELS)


def test_titles_are_restored_to_their_own_script(seeded):
    film = Film.objects.get()
    assert film.original_title == "7번방의 선물"
    assert film.working_title == "December 23"
    assert Remake.objects.get(country="Turkey").page_title == "7. Koğuştaki Mucize"
    assert Actor.objects.filter(name="Aras Bulut İynemli").exists()


def test_ye_sung_is_one_character_played_by_two_actresses(seeded):
    roles = Role.objects.filter(character__name="Ye-sung").select_related("actor")
    assert {(r.actor.name, r.note) for r in roles} == {
        ("Kal So-won", "child"),
        ("Park Shin-hye", "adult"),
    }


def test_box_office_milestones_are_dated_figures(seeded):
    figures = {f.days_after_release: f for f in BoxOfficeFigure.objects.all()}
    assert figures[14].admissions == 4_600_000 and figures[14].gross_usd == 30_000_000
    assert figures[32].admissions == 10_000_000
    assert figures[46].admissions == 12_000_000
    assert figures[52].admissions == 12_320_000
    assert figures[52].date.isoformat() == "2013-03-15"
    assert Film.objects.get().break_even_admissions == 1_700_000


def test_remakes_keep_what_the_article_says_of_them(seeded):
    remakes = {r.country + (r.language or ""): r for r in Remake.objects.all()}
    assert remakes["IndiaKannada"].year == 2017
    assert remakes["IndiaKannada"].title == "Pushpaka Vimana"
    assert remakes["IndiaHindi"].director == "Umesh Shukla"
    assert "Kross Pictures" in remakes["IndiaHindi"].studio
    assert remakes["TurkeyTurkish"].year == 2019
    assert (
        remakes["PhilippinesFilipino"].page_title
        == "Miracle in Cell No. 7 (2019 Philippine film)"
    )
    assert remakes["IndonesiaIndonesian"].year == 2020


def test_seed_keeps_edits_unless_reset(seeded):
    film = Film.objects.get()
    film.genre = "Drama"
    film.save()
    page = Page.objects.get(slug="ye-sung")
    edit_page(page, "Edited by a reader.", summary="my edit")

    run_seed()
    film.refresh_from_db()
    page.refresh_from_db()
    assert film.genre == "Drama"
    assert page.current_revision.body == "Edited by a reader."

    output = run_seed("--reset")
    film.refresh_from_db()
    page.refresh_from_db()
    assert "1 films reset" in output and "1 pages reset" in output
    assert film.genre == "Comedy-drama"
    assert page.current_revision.body == (PAGES / "ye-sung.md").read_text("utf-8")
    assert page.revisions.count() == 3, "history keeps the reader's edit"


def test_starring_keeps_billing_order(seeded):
    film = Film.objects.get(slug="miracle-in-cell-no-7")
    assert [actor.name for actor in film.leading_actors()] == [
        "Ryu Seung-ryong",
        "Kal So-won",
        "Park Shin-hye",
    ]
