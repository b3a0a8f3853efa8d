"""What films adds to the wiki pages of its subjects: the infobox and the linked data.

Both are drawn from one fetch of the subject and kept in the page cache until film
data changes. Which pages are subjects' at all is known from one query, kept alike, so
that an ordinary page pays nothing for the infobox it does not have.
"""

from dataclasses import dataclass

from django.db.models import CharField, Value

from wiki import page_cache

from .infobox import (
    actor_rows,
    character_rows,
    draw_infobox,
    film_charts,
    film_rows,
    remake_rows,
)
from .linked_data import actor_data, character_data, film_data, remake_data
from .models import Actor, Character, Film, Remake
from .selectors import ACTORS, CHARACTERS, FILMS, REMAKES


@dataclass(frozen=True)
class SubjectKind:
    """A kind of subject: its model, how to fetch one with all its page shows, the
    rows of its infobox, its linked data, and the pictures below its facts."""

    model: type
    queryset: object
    rows: object
    linked_data: object
    charts: object = None


SUBJECTS = {
    "film": SubjectKind(
        Film,
        FILMS.prefetch_related("remakes", "box_office", "external_links"),
        film_rows,
        film_data,
        film_charts,
    ),
    "character": SubjectKind(Character, CHARACTERS, character_rows, character_data),
    "actor": SubjectKind(Actor, ACTORS, actor_rows, actor_data),
    "remake": SubjectKind(Remake, REMAKES, remake_rows, remake_data),
}


def subject_kinds():
    """Map every subject's slug to its kind, in one query, kept until data changes."""

    def find():
        queries = [
            subject.model.objects.order_by().values_list(
                "slug", Value(kind, output_field=CharField())
            )
            for kind, subject in SUBJECTS.items()
        ]
        return dict(queries[0].union(*queries[1:], all=True))

    return page_cache.remember("films:subject-kinds", find)


def _draw_subject_parts(slug):
    """The infobox and linked data of the subject at `slug` ({} for none)."""
    kind = subject_kinds().get(slug)
    if kind is None:
        return {}
    subject_kind = SUBJECTS[kind]
    subject = subject_kind.queryset.get(slug=slug)
    return {
        "infobox": draw_infobox(subject, kind, subject_kind.rows, subject_kind.charts),
        "linked_data": subject_kind.linked_data(subject),
    }


def _kept_subject_parts(page):
    """The infobox and linked data of the subject whose page this is, from one fetch,
    kept until film data changes."""
    return page_cache.remember(
        f"films:subject-page:{page.slug}", lambda: _draw_subject_parts(page.slug)
    )


def infobox_for_page(page):
    """The infobox of the film, character, actor or remake whose page this is."""
    return _kept_subject_parts(page).get("infobox", "")


def linked_data_for_page(page):
    """The schema.org description of the subject whose page this is, or None."""
    return _kept_subject_parts(page).get("linked_data")
