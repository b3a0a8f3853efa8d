"""What the films app refuses the wiki: deleting or moving a page its data needs.

A subject's slug is its page's address and is fixed once set (see Subject.slug), so a
subject's page is not moved: its data keeps pointing at it. It is not deleted either
while the subject exists.
"""

from .models import Actor, Character, Film, Remake

ADVICE = {
    "delete": "delete that in admin first",
    "move": "its address is fixed with the film data",
}


def subject_page_refusal(page, action):
    """A film, character, actor or remake keeps its page, at its address."""
    for model in (Film, Character, Actor, Remake):
        if model.objects.filter(slug=page.slug).exists():
            kind = model._meta.verbose_name
            return f"This page belongs to the {kind} “{page.title}”; {ADVICE[action]}."
    return ""
