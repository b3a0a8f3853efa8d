"""Writes that keep a subject and its wiki page together."""

from wiki.models import Page
from wiki.services import page_create


def subject_page_ensure(subject, *, author=None):
    """Give `subject` its wiki page if it has none yet; return the page."""
    page = Page.objects.filter(slug=subject.slug).first()
    if page is None:
        page = page_create(
            title=subject.page_title,
            body="",
            author=author,
            summary=f"New {subject._meta.verbose_name} added in admin",
        )
    return page
