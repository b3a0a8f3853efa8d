"""The infobox beside the wiki pages of films, characters, actors and remakes.

Python decides which rows a subject shows; films/includes/infobox.html draws them, and
lists of people through the same include as the browse tables.
"""

from dataclasses import dataclass, field

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.loader import render_to_string

from .charts import box_office_chart, timeline_chart
from .models import Credit


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
        Row("In other versions", credits=character.version_credits()),
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


def film_charts(film):
    """The pictures below a film's facts: its box-office run and its remakes."""
    return [
        chart
        for chart in (box_office_chart(film), timeline_chart(film))
        if chart is not None
    ]


def draw_infobox(subject, kind, rows, charts=None):
    """The infobox HTML of `subject`, with the rows `rows(subject)` chooses and the
    pictures `charts(subject)` draws."""
    return render_to_string(
        "films/includes/infobox.html",
        {
            "subject": subject,
            "kind": kind,
            "rows": [row for row in rows(subject) if not row.is_empty],
            "charts": charts(subject) if charts else [],
        },
    )
