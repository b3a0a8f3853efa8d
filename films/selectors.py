"""Read queries of the films app: each kind of subject with the people it shows.

The browse tables and the infoboxes draw the same relations, so they fetch them alike.
"""

from django.db.models import Prefetch

from .models import Actor, Character, Film, Remake, RemakeStar, Role

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


# Each subject's names in other languages, which its infobox and row show.
NAMES = "names"


def films_with_cast():
    return Film.objects.prefetch_related(ROLES, NAMES)


def characters_with_players():
    return Character.objects.select_related("film").prefetch_related(
        ROLES, VERSIONS, NAMES
    )


def actors_with_roles():
    return Actor.objects.prefetch_related(ROLES, ACTOR_REMAKE_STARS, NAMES)


def remakes_with_stars():
    return Remake.objects.select_related("original").prefetch_related(
        REMAKE_STARS, NAMES
    )
