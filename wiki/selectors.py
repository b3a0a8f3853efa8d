"""Read queries other parts of the site share."""

from django.conf import settings
from django.db.models import Q

from .models import Page, Revision, Watch
from .namespaces import talk_slug_of


def recently_changed_pages(limit=10):
    """The pages edited most recently, newest first, with their current revision."""
    return (
        Page.objects.live()
        .with_current_revision()
        .order_by("-updated_at", "-pk")[:limit]
    )


def filter_changes(
    revisions,
    *,
    username="",
    hide_bots=False,
    hide_author=None,
    new_pages=False,
    kind="",
    hide_minor=False,
    unpatrolled=False,
    tag="",
):
    """Keep the changes by `username`, or drop bots' and `hide_author`'s; or only
    the changes that created a page; or only those of articles or of talk pages;
    drop minor edits; keep the unpatrolled ones, or those with `tag`."""
    if username:
        revisions = revisions.filter(author__username=username)
    if hide_bots:
        revisions = revisions.exclude(author__groups__name=settings.WIKI_BOTS_GROUP)
    if hide_author is not None:
        revisions = revisions.exclude(author=hide_author)
    if new_pages:
        revisions = revisions.filter(number=1)
    if kind == "articles":
        revisions = revisions.filter(page__in=Page.objects.articles())
    elif kind == "talk":
        revisions = revisions.filter(page__in=Page.objects.talk_pages())
    if hide_minor:
        revisions = revisions.filter(minor=False)
    if unpatrolled:
        revisions = revisions.filter(patrolled=False)
    if tag:
        revisions = revisions.filter(tags__name=tag)
    return revisions


def watchlist_revisions(user):
    """The revisions of the pages `user` watches, and of their talk pages."""
    watched = Watch.objects.filter(user=user)
    talk_of_watched = watched.annotate(talk_slug=talk_slug_of("page__slug")).values(
        "talk_slug"
    )
    return recent_revisions().filter(
        Q(page_id__in=watched.values("page_id")) | Q(page__slug__in=talk_of_watched)
    )


def recent_revisions():
    """Every revision, newest first, with its page and author, without its texts."""
    return (
        Revision.objects.filter(page__deleted_at__isnull=True)
        .select_related("page", "author")
        .prefetch_related("tags")
        .defer("body", "html")
        .order_by("-created_at", "-pk")
    )
