"""Read queries of the films app: each kind of subject with the people it shows.

The browse tables and the infoboxes draw the same relations, so they fetch them alike.
"""

from django.db.models import Prefetch

from wiki import extensions

from .models import (
    NAMED_SUBJECTS,
    Actor,
    Character,
    Film,
    Name,
    Remake,
    RemakeStar,
    Role,
)

ROLES = Prefetch(
    "roles", queryset=Role.objects.select_related("actor", "character", "film")
)
REMAKE_STARS = Prefetch(
    "stars", queryset=RemakeStar.objects.select_related("actor", "character")
)
ACTOR_REMAKE_STARS = Prefetch(
    "remake_stars", queryset=RemakeStar.objects.select_related("remake", "character")
)
VERSIONS = Prefetch(
    "versions",
    queryset=RemakeStar.objects.select_related("remake", "actor", "character"),
)


def films_with_cast():
    return Film.objects.prefetch_related(ROLES)


def characters_with_players():
    return Character.objects.select_related("film").prefetch_related(ROLES, VERSIONS)


def actors_with_roles():
    return Actor.objects.prefetch_related(ROLES, ACTOR_REMAKE_STARS)


def remakes_with_stars():
    return Remake.objects.select_related("original").prefetch_related(REMAKE_STARS)


def _all_names():
    names = {}
    columns = [f"{subject}_id" for subject in NAMED_SUBJECTS]
    for *subjects, language, name in Name.objects.values_list(
        *columns, "language", "name"
    ):
        named = zip(NAMED_SUBJECTS, subjects, strict=True)
        kind, pk = next((kind, pk) for kind, pk in named if pk is not None)
        names.setdefault((kind, pk), {})[language] = name
    return names


def names_by_subject():
    """Every subject's names in other languages, {(model name, pk): {language:
    name}}: one query, kept until data changes, so that a page naming any number of
    subjects (a cast list, a browse table) costs at most that query for their names."""
    return extensions.remember("films:names", _all_names)


def local_name(names, subject, language):
    """The name `subject` has in `language` among `names` (names_by_subject), where
    it differs from the one its page is titled with; else None."""
    name = names.get((subject._meta.model_name, subject.pk), {}).get(language)
    return None if name == subject.page_title else name
