"""The categories films gives the pages of its subjects, without a word in their text.

Every film, character, actor and remake page is in Films, Characters, Actors or
Remakes, and each character's page in its film's cast category too.
"""

from .models import Actor, Character, Film, Remake

KINDS = ((Film, "Films"), (Actor, "Actors"), (Remake, "Remakes"))


def categories_for_page(page):
    """(name, sort key) pairs for `page`, if it is a subject's."""
    character = Character.objects.select_related("film").filter(slug=page.slug).first()
    if character is not None:
        return [("Characters", ""), (f"{character.film.title} cast", "")]
    for model, name in KINDS:
        if model.objects.filter(slug=page.slug).exists():
            return [(name, "")]
    return []
