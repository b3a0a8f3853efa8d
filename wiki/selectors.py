"""Read queries other parts of the site share."""

from .models import Page, Revision


def recently_changed_pages(limit=10):
    """The pages edited most recently, newest first, with their current revision."""
    return (
        Page.objects.live()
        .with_current_revision()
        .order_by("-updated_at", "-pk")[:limit]
    )


def watchlist_revisions(user):
    """The revisions of the pages `user` watches, newest first."""
    return recent_revisions().filter(page__watches__user=user)


def recent_revisions():
    """Every revision, newest first, with its page and author, without its texts."""
    return (
        Revision.objects.select_related("page", "author")
        .defer("body", "html")
        .order_by("-created_at", "-pk")
    )
