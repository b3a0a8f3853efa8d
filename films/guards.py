"""What the films app refuses the wiki: deleting a page its data needs."""

from .models import Actor, Character, Film, Remake


def subject_page_deletion_refusal(page):
    """A film, character, actor or remake keeps its page as long as it exists."""
    for model in (Film, Character, Actor, Remake):
        if model.objects.filter(slug=page.slug).exists():
            kind = model._meta.verbose_name
            return (
                f"This page belongs to the {kind} “{page.title}”; "
                "delete that in admin first."
            )
    return ""
