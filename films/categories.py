"""The categories films gives the pages of its subjects, without a word in their text.

Every film, character, actor and remake page is in Films, Characters, Actors or
Remakes, and each character's page in its film's cast category too.
"""

from .models import Character
from .subject_pages import subject_kinds

CATEGORY_OF_KIND = {"film": "Films", "actor": "Actors", "remake": "Remakes"}


def categories_for_page(page):
    """(name, sort key) pairs for `page`, if it is a subject's.

    Which slugs are subjects is kept until film data changes, so that the pages of
    no subject, most of a wiki, cost no query here.
    """
    kind = subject_kinds().get(page.slug)
    if kind == "character":
        character = Character.objects.select_related("film").get(slug=page.slug)
        return [("Characters", ""), (f"{character.film.title} cast", "")]
    return [(CATEGORY_OF_KIND[kind], "")] if kind else []
