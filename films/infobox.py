"""The infobox beside the wiki pages of films, characters, actors and remakes."""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join

from .selectors import ACTORS, CHARACTERS, FILMS, REMAKES


def link(subject, suffix=""):
    return format_html(
        '<a href="{}">{}</a>{}', subject.get_absolute_url(), subject, suffix
    )


def link_list(subjects):
    return format_html_join(", ", "{}", ((link(subject),) for subject in subjects))


def line_list(items):
    return format_html_join("", "<div>{}</div>", ((item,) for item in items))


def role_line(role, subject):
    note = f" ({role.note})" if role.note else ""
    return link(subject, note)


def external_link(link):
    """A link off the site: marked as such, and given no credit by search engines."""
    return format_html(
        '<a class="external" href="{}" rel="nofollow noopener">{}</a>', link.url, link
    )


def film_rows(film):
    top = max(film.box_office.all(), key=lambda f: f.admissions or 0, default=None)
    return [
        ("Korean", film.original_title),
        ("Revised Romanization", film.romanized_title),
        ("Literally", film.literal_title),
        (
            "Working title",
            f"{film.working_title} ({film.working_title_original})"
            if film.working_title_original
            else film.working_title,
        ),
        ("Genre", film.genre),
        ("Starring", link_list(film.leading_actors())),
        ("Country", film.country),
        ("Language", film.language),
        ("Year", film.year),
        ("Budget", film.budget),
        ("Box office", top and f"{intcomma(top.admissions)} admissions"),
        ("Remakes", line_list(link(remake) for remake in film.remakes.all())),
        (
            "External links",
            line_list(
                external_link(link) for link in film.external_links.all() if link.url
            ),
        ),
    ]


def character_rows(character):
    return [
        ("Film", link(character.film)),
        (
            "Played by",
            line_list(role_line(role, role.actor) for role in character.roles.all()),
        ),
    ]


def actor_rows(actor):
    roles = [
        format_html("{} in {}", role_line(role, role.character), link(role.film))
        for role in actor.roles.all()
    ]
    remakes = [
        link(star.remake, " (lead role)" if star.is_lead else "")
        for star in actor.remake_stars.all()
    ]
    return [("Plays", line_list(roles)), ("Stars in", line_list(remakes))]


def remake_rows(remake):
    return [
        ("Title", remake.title),
        ("Remake of", link(remake.original)),
        ("Country", remake.country),
        ("Language", remake.language),
        ("Year", remake.year),
        ("Studio", remake.studio),
        ("Directed by", remake.director),
        (
            "Starring",
            line_list(
                link(star.actor, " (lead role)" if star.is_lead else "")
                for star in remake.stars.all()
            ),
        ),
    ]


# Each subject: how to fetch it with all its infobox shows, and how to draw its rows.
SUBJECTS = [
    (
        FILMS.prefetch_related("remakes", "box_office", "external_links"),
        film_rows,
        "film",
    ),
    (CHARACTERS, character_rows, "character"),
    (ACTORS, actor_rows, "actor"),
    (REMAKES, remake_rows, "remake"),
]


def infobox_for_page(page):
    """Draw the infobox of the film, character, actor or remake whose page this is."""
    for queryset, rows, kind in SUBJECTS:
        subject = queryset.filter(slug=page.slug).first()
        if subject is not None:
            filled = [
                (label, value)
                for label, value in rows(subject)
                if value not in ("", None)
            ]
            return render_to_string(
                "includes/infobox.html",
                {"subject": subject, "kind": kind, "rows": filled},
            )
    return ""
