"""Writes that keep a subject and its wiki page together."""

from contextlib import suppress

from wiki import page_cache
from wiki.models import Page
from wiki.services import EditConflict, page_save


def film_data_changed():
    """Have every page drawn afresh once the change commits.

    A name or a figure shows far from its own page (in other subjects' infoboxes, the
    browse tables, the home page, categories), and film data changes rarely.
    """
    page_cache.invalidate(page_cache.EVERYTHING)


def subject_page_ensure(subject, *, author=None):
    """Give `subject` its wiki page if it has none yet; return the page."""
    if not Page.objects.filter(slug=subject.slug).exists():
        # EditConflict: someone created it meanwhile, so it has its page.
        with suppress(EditConflict):
            page_save(
                slug=subject.slug,
                title=subject.page_title,
                body="",
                author=author,
                summary=f"New {subject._meta.verbose_name} added in admin",
            )
    return Page.objects.get(slug=subject.slug)
