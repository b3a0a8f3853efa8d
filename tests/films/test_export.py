"""`manage.py export_data` writes the data in the fixture's own format, and seeding a
fresh database from what it wrote gives the same data back."""

import json
from io import StringIO

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
from films.seeding import DATA_FILE
from wiki.models import Page


def exported():
    out = StringIO()
    call_command("export_data", stdout=out)
    return json.loads(out.getvalue())


def empty_the_film_data():
    """A fresh database, as far as film data goes (pages are the wiki's)."""
    for model in (RemakeStar, Role, BoxOfficeFigure, ExternalLink, Remake, Character):
        model.objects.all().delete()
    Actor.objects.all().delete()
    Film.objects.all().delete()


def test_the_seeded_data_exports_as_the_fixture_itself(seeded):
    assert exported() == json.loads(DATA_FILE.read_text(encoding="utf-8"))


def test_admin_edits_survive_an_export_and_a_seed_from_it(seeded, tmp_path):
    film = Film.objects.get()
    turkish = Remake.objects.get(country="Turkey")
    turkish.director = "A director"
    turkish.save()
    newcomer = Actor.objects.create(slug="new-actor", name="New Actor")
    RemakeStar.objects.create(
        remake=turkish,
        actor=newcomer,
        billing=2,
        character=Character.objects.get(slug="ye-sung"),
        character_name="A local name",
    )
    BoxOfficeFigure.objects.create(
        film=film, days_after_release=60, admissions=12_400_000, description="Later."
    )
    link = ExternalLink.objects.first()
    link.url = "https://example.org/another"
    link.save()
    before = exported()
    path = tmp_path / "export.json"
    call_command("export_data", output=path)

    empty_the_film_data()
    call_command("seed", reset=True, data=path, verbosity=0)

    assert exported() == before
    star = RemakeStar.objects.get(actor__slug="new-actor")
    assert (star.character.slug, star.character_name) == ("ye-sung", "A local name")
    assert Page.objects.live().filter(slug="new-actor").exists()


def test_the_export_is_readable_text(seeded):
    out = StringIO()
    call_command("export_data", stdout=out)
    text = out.getvalue()
    assert "7번방의 선물" in text and "Aras Bulut İynemli" in text
    assert text.endswith("}\n") and '\n  "films": [' in text
