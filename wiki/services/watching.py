"""Writes of watchlists: following a page and leaving it."""

from ..models import Preferences, Watch


def page_watch(*, user, page):
    """Add `page` to `user`'s watchlist; return whether it was not there yet."""
    _, created = Watch.objects.get_or_create(user=user, page=page)
    return created


def page_unwatch(*, user, page):
    """Take `page` off `user`'s watchlist; return whether it was there."""
    deleted, _ = Watch.objects.filter(user=user, page=page).delete()
    return bool(deleted)


def watch_as_editor(*, user, page):
    """Watch a page its editor just saved, unless they chose not to."""
    if user is not None and Preferences.of(user).watch_edited_pages:
        page_watch(user=user, page=page)
