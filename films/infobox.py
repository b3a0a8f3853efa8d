"""The infobox beside the wiki pages of films, characters, actors and remakes.

Python decides which rows a subject shows; films/includes/infobox.html draws them, and
lists of people through the same include as the browse tables.
"""

from dataclasses import dataclass, field

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .charts import box_office_chart, timeline_chart
from .models import Credit
from .selectors import names_by_subject


@dataclass(frozen=True)
class Row:
    """One line of an infobox: a text, a list of credits, or links off the site."""

    label: str
    text: object = ""
    credits: list = field(default_factory=list)
    inline: bool = False
    external_links: list = field(default_factory=list)
    # The language of `text`, when it is not the data's own (English).
    lang: str = ""

    @property
    def is_empty(self):
        return self.text in ("", None) and not self.credits and not self.external_links

    @property
    def fact(self):
        """The row in plain words (a share card's line); "" for links off the site."""
        if self.credits:
            return ", ".join(str(credit.subject.page_title) for credit in self.credits)
        return "" if self.text is None else str(self.text)


def _working_title(film):
    if film.working_title_original:
        return f"{film.working_title} ({film.working_title_original})"
    return film.working_title


def film_rows(film):
    top = max(film.box_office.all(), key=lambda f: f.admissions or 0, default=None)
    return [
        Row(_("Korean"), film.original_title, lang=film.original_title_language),
        Row(_("Revised Romanization"), film.romanized_title),
        Row(_("Literally"), film.literal_title),
        Row(_("Working title"), _working_title(film)),
        Row(_("Genre"), film.genre),
        Row(_("Starring"), credits=film.leading_credits(), inline=True),
        Row(_("Country"), film.country),
        Row(_("Language"), film.language),
        Row(_("Year"), film.year),
        Row(_("Budget"), film.budget),
        Row(
            _("Box office"),
            top and _("%(count)s admissions") % {"count": intcomma(top.admissions)},
        ),
        Row(_("Remakes"), credits=film.remake_credits()),
        Row(
            _("External links"),
            external_links=[link for link in film.external_links.all() if link.url],
        ),
    ]


def character_rows(character):
    return [
        Row(_("Film"), credits=[Credit(character.film)]),
        Row(_("Played by"), credits=character.actor_credits()),
        Row(_("In other versions"), credits=character.version_credits()),
    ]


def actor_rows(actor):
    return [
        Row(_("Plays"), credits=actor.character_credits()),
        Row(_("Stars in"), credits=actor.remake_credits()),
    ]


def remake_rows(remake):
    return [
        # The infobox is headed by the page's title: the film's own title is a row
        # only where it differs (the one a page title tells apart from the original).
        Row(
            _("Title"),
            remake.title if remake.title != remake.page_title else None,
            lang=remake.page_title_language,
        ),
        Row(_("Remake of"), credits=[Credit(remake.original)]),
        Row(_("Country"), remake.country),
        Row(_("Language"), remake.language),
        Row(_("Year"), remake.year),
        Row(_("Studio"), remake.studio),
        Row(_("Directed by"), remake.director),
        Row(_("Starring"), credits=remake.star_credits()),
    ]


def film_charts(film):
    """The pictures below a film's facts: its box-office run and its remakes."""
    return [
        chart
        for chart in (box_office_chart(film), timeline_chart(film))
        if chart is not None
    ]


# What a screen reader calls each kind's infobox.
FACTS_LABELS = {
    "film": gettext_lazy("Film facts"),
    "character": gettext_lazy("Character facts"),
    "actor": gettext_lazy("Actor facts"),
    "remake": gettext_lazy("Remake facts"),
}


def draw_infobox(subject, kind, rows, charts=None):
    """The infobox HTML of `subject`, with its `rows` (a kind's rows for it) and the
    pictures `charts(subject)` draws."""
    return render_to_string(
        "films/includes/infobox.html",
        {
            "subject": subject,
            "facts_label": FACTS_LABELS[kind],
            "rows": [row for row in rows if not row.is_empty],
            "charts": charts(subject) if charts else [],
            "subject_names": names_by_subject(),
        },
    )
