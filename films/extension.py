"""How films plugs into the wiki: one WikiExtension, registered in FilmsConfig.ready.

A subject's page shows its infobox and linked data, drawn from one fetch of the
subject and kept by the wiki until film data changes; subjects' pages are in their
kind's category; and a subject keeps its page, at its address.
"""

from django.utils.translation import gettext_lazy as _

from wiki.extensions import PageParts, WikiExtension

from .infobox import draw_infobox
from .models import Character
from .subjects import kind_at, owner_of_slug, subject_at

ADVICE = {
    "delete": _(
        "This page belongs to the %(kind)s “%(title)s”; delete that in admin first."
    ),
    "move": _(
        "This page belongs to the %(kind)s “%(title)s”; its address is fixed with "
        "the film data."
    ),
}


class FilmsExtension(WikiExtension):
    def page_parts(self, page):
        """The infobox and linked data of the subject whose page this is."""
        subject, kind = subject_at(page.slug)
        if subject is None:
            return PageParts()
        rows = kind.infobox_rows(subject)
        return PageParts(
            infobox=draw_infobox(subject, kind.name, rows, kind.charts),
            linked_data=kind.linked_data(subject),
            facts=tuple((str(row.label), row.fact) for row in rows if row.fact),
        )

    def categories(self, page):
        """Its kind's category, and for a character its film's cast category."""
        kind = kind_at(page.slug)
        if kind is None:
            return []
        if kind.model is Character:
            character = Character.objects.select_related("film").get(slug=page.slug)
            return [(kind.category, ""), (f"{character.film.title} cast", "")]
        return [(kind.category, "")]

    def refusal(self, page, action):
        """A film, character, actor or remake keeps its page, at its address (its
        slug is fixed once set, see Subject.slug): its data points at it."""
        kind = owner_of_slug(page.slug)
        if kind is None:
            return ""
        name = kind.model._meta.verbose_name
        return ADVICE[action] % {"kind": name, "title": page.title}
