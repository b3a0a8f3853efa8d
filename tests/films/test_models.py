import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from films.models import Actor, BoxOfficeFigure, Character, Film, Remake, Role


@pytest.fixture
def film(db):
    return Film.objects.create(
        slug="a-film",
        title="A Film",
        year=2013,
        country="South Korea",
        language="Korean",
    )


def test_film_outside_cinema_years_is_refused_by_the_database(film):
    with pytest.raises(IntegrityError), transaction.atomic():
        Film.objects.filter(pk=film.pk).update(year=1200)


def test_film_year_validator_explains_the_range(film):
    film.year = 3000
    with pytest.raises(ValidationError) as error:
        film.full_clean()
    assert "year" in error.value.message_dict


def test_remake_year_may_be_unknown_but_not_invalid(film):
    remake = Remake.objects.create(
        slug="r", page_title="R", original=film, country="India", year=None
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Remake.objects.filter(pk=remake.pk).update(year=99)


def test_slugs_are_unique_per_model(film):
    with pytest.raises(IntegrityError), transaction.atomic():
        Film.objects.create(
            slug="a-film", title="Another", year=2014, country="X", language="Y"
        )


def test_a_slug_belongs_to_one_kind_of_subject_only(film):
    actor = Actor(slug="a-film", name="A Film")
    with pytest.raises(ValidationError) as error:
        actor.full_clean()
    assert error.value.error_dict["slug"][0].code == "slug_taken"


def test_negative_admissions_are_refused(film):
    with pytest.raises(IntegrityError), transaction.atomic():
        BoxOfficeFigure.objects.create(
            film=film, admissions=-1, description="Impossible"
        )


def test_role_character_must_belong_to_the_roles_film(film):
    other = Film.objects.create(
        slug="b", title="B", year=2019, country="X", language="Y"
    )
    character = Character.objects.create(slug="c", name="C", film=other)
    actor = Actor.objects.create(slug="d", name="D")
    role = Role(film=film, character=character, actor=actor)
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert error.value.error_dict["character"][0].code == "character_of_another_film"


def test_one_actor_plays_a_character_once(film):
    character = Character.objects.create(slug="c", name="C", film=film)
    actor = Actor.objects.create(slug="d", name="D")
    Role.objects.create(film=film, character=character, actor=actor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(film=film, character=character, actor=actor, note="again")


def test_subjects_link_to_their_wiki_page(film):
    assert film.get_absolute_url() == "/wiki/a-film/"
    assert str(film) == "A Film"
