"""The one subject registry: which kinds of subject have wiki pages, which model owns
a page's slug, and everything each kind brings to its page.

Every film, character, actor and remake has one page, at its slug, and no two
subjects share a slug (Subject.clean asks `owner_of_slug`). The infobox, the linked
data, the categories, the guards and the data history ask this module, never the
models one by one.
"""

from dataclasses import dataclass, field

from django.db.models import CharField, Value

from wiki import extensions

from .infobox import actor_rows, character_rows, film_charts, film_rows, remake_rows
from .linked_data import actor_data, character_data, film_data, remake_data
from .models import (
    Actor,
    BoxOfficeFigure,
    Character,
    ExternalLink,
    Film,
    Name,
    Remake,
    RemakeStar,
    Role,
)
from .selectors import (
    actors_with_roles,
    characters_with_players,
    films_with_cast,
    remakes_with_stars,
)


@dataclass(frozen=True)
class SubjectKind:
    """A kind of subject and what its page shows: how to fetch one with everything
    drawn of it, the rows of its infobox, its linked data, the pictures below its
    facts, the category its pages are in, and the rows its data history follows, as
    (model, field naming the subject)."""

    name: str
    model: type
    fetch: object
    infobox_rows: object
    linked_data: object
    category: str
    shown: list = field(default_factory=list)
    charts: object = None


KINDS = (
    SubjectKind(
        "film",
        Film,
        lambda: films_with_cast().prefetch_related(
            "remakes", "box_office", "external_links"
        ),
        film_rows,
        film_data,
        "Films",
        [
            (Film, "id"),
            (Role, "film"),
            (BoxOfficeFigure, "film"),
            (ExternalLink, "film"),
            (Name, "film"),
        ],
        film_charts,
    ),
    SubjectKind(
        "character",
        Character,
        characters_with_players,
        character_rows,
        character_data,
        "Characters",
        [
            (Character, "id"),
            (Role, "character"),
            (RemakeStar, "character"),
            (Name, "character"),
        ],
    ),
    SubjectKind(
        "actor",
        Actor,
        actors_with_roles,
        actor_rows,
        actor_data,
        "Actors",
        [(Actor, "id"), (Role, "actor"), (RemakeStar, "actor"), (Name, "actor")],
    ),
    SubjectKind(
        "remake",
        Remake,
        remakes_with_stars,
        remake_rows,
        remake_data,
        "Remakes",
        [(Remake, "id"), (RemakeStar, "remake"), (Name, "remake")],
    ),
)
KIND_NAMED = {kind.name: kind for kind in KINDS}
KIND_OF_MODEL = {kind.model: kind for kind in KINDS}


def _slugs_with_kinds(*, slug=None, other_than=None):
    """One query: (slug, kind name) of every subject, or of those at `slug` but
    `other_than`."""
    queries = []
    for kind in KINDS:
        rows = kind.model.objects.order_by()
        if slug is not None:
            rows = rows.filter(slug=slug)
        if type(other_than) is kind.model:
            rows = rows.exclude(pk=other_than.pk)
        name = Value(kind.name, output_field=CharField())
        queries.append(rows.values_list("slug", name))
    return queries[0].union(*queries[1:], all=True)


def subject_kinds():
    """Map every subject's slug to its kind's name, in one query, kept until data
    changes: the pages of no subject, most of a wiki, then cost no query."""
    return extensions.remember("films:subject-kinds", lambda: dict(_slugs_with_kinds()))


def kind_at(slug):
    """The kind of the subject whose page is at `slug`, or None (kept; see above)."""
    name = subject_kinds().get(slug)
    return KIND_NAMED[name] if name else None


def subject_at(slug):
    """The subject at `slug` with all its page shows, and its kind; (None, None)."""
    kind = kind_at(slug)
    if kind is None:
        return None, None
    return kind.fetch().get(slug=slug), kind


def owner_of_slug(slug, *, other_than=None):
    """The kind of the subject that holds `slug`, read from the database (for
    writes, which must not trust a cache); `other_than` is a subject left out."""
    found = next(iter(_slugs_with_kinds(slug=slug, other_than=other_than)), None)
    return KIND_NAMED[found[1]] if found else None


def kind_of(subject):
    return KIND_OF_MODEL[type(subject)]
