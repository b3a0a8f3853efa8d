"""The infobox beside the wiki pages of films, characters, actors and remakes.

Python decides which rows a subject shows; films/includes/infobox.html draws them, and
lists of people through the same include as the browse tables. What is drawn is kept in
the page cache until film data changes, and which pages are subjects' at all is known
from one query, so that an ordinary page pays nothing for the infobox it does not have.
"""

from dataclasses import dataclass, field

from django.contrib.humanize.templatetags.humanize import intcomma
from django.db.models import CharField, Value
from django.template.loader import render_to_string

from wiki import page_cache

from .models import Actor, Character, Credit, Film, Remake
from .selectors import ACTORS, CHARACTERS, FILMS, REMAKES


@dataclass(frozen=True)
class Row:
    """One line of an infobox: a text, a list of credits, or links off the site."""

    label: str
    text: object = ""
    credits: list = field(default_factory=list)
    inline: bool = False
    external_links: list = field(default_factory=list)

    @property
    def is_empty(self):
        return self.text in ("", None) and not self.credits and not self.external_links


def _working_title(film):
    if film.working_title_original:
        return f"{film.working_title} ({film.working_title_original})"
    return film.working_title


def film_rows(film):
    top = max(film.box_office.all(), key=lambda f: f.admissions or 0, default=None)
    return [
        Row("Korean", film.original_title),
        Row("Revised Romanization", film.romanized_title),
        Row("Literally", film.literal_title),
        Row("Working title", _working_title(film)),
        Row("Genre", film.genre),
        Row("Starring", credits=film.leading_credits(), inline=True),
        Row("Country", film.country),
        Row("Language", film.language),
        Row("Year", film.year),
        Row("Budget", film.budget),
        Row("Box office", top and f"{intcomma(top.admissions)} admissions"),
        Row("Remakes", credits=film.remake_credits()),
        Row(
            "External links",
            external_links=[link for link in film.external_links.all() if link.url],
        ),
    ]


def character_rows(character):
    return [
        Row("Film", credits=[Credit(character.film)]),
        Row("Played by", credits=character.actor_credits()),
    ]


def actor_rows(actor):
    return [
        Row("Plays", credits=actor.character_credits()),
        Row("Stars in", credits=actor.remake_credits()),
    ]


def remake_rows(remake):
    return [
        Row("Title", remake.title),
        Row("Remake of", credits=[Credit(remake.original)]),
        Row("Country", remake.country),
        Row("Language", remake.language),
        Row("Year", remake.year),
        Row("Studio", remake.studio),
        Row("Directed by", remake.director),
        Row("Starring", credits=remake.star_credits()),
    ]


# Each kind of subject: its model, how to fetch it with all its infobox shows, and how
# to choose its rows.
SUBJECTS = {
    "film": (
        Film,
        FILMS.prefetch_related("remakes", "box_office", "external_links"),
        film_rows,
    ),
    "character": (Character, CHARACTERS, character_rows),
    "actor": (Actor, ACTORS, actor_rows),
    "remake": (Remake, REMAKES, remake_rows),
}


def subject_kinds():
    """Map every subject's slug to its kind, in one query, kept until data changes."""

    def find():
        queries = [
            model.objects.order_by().values_list(
                "slug", Value(kind, output_field=CharField())
            )
            for kind, (model, _, _) in SUBJECTS.items()
        ]
        return dict(queries[0].union(*queries[1:], all=True))

    return page_cache.remember("films:subject-kinds", find)


def _draw(slug):
    kind = subject_kinds().get(slug)
    if kind is None:
        return ""
    _, queryset, rows = SUBJECTS[kind]
    subject = queryset.get(slug=slug)
    return render_to_string(
        "films/includes/infobox.html",
        {
            "subject": subject,
            "kind": kind,
            "rows": [row for row in rows(subject) if not row.is_empty],
        },
    )


def infobox_for_page(page):
    """The infobox of the film, character, actor or remake whose page this is."""
    return page_cache.remember(f"films:infobox:{page.slug}", lambda: _draw(page.slug))
