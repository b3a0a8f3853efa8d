"""Mass removal (MediaWiki's Extension:Nuke): one action takes back a vandal's or
a spammer's latest edits on every page and deletes the pages they created that
nobody else edited, with one reason, logged.

Each page is rolled back or deleted in a transaction of its own, so that a removal
of thousands of pages holds no lock for long and a run cut short keeps what it did;
run again, it finds only what is left. Past INLINE_PAGES pages it runs as a
background job, so that the request that asked for it never times out.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.urls import reverse

from ..jobs import job
from ..models import LogKind, Page, Revision
from .log import log_event
from .pages import DeletionRefused, page_delete
from .rollback import RollbackRefused, page_rollback

# A removal of more pages than this runs in the background.
INLINE_PAGES = 20


@dataclass(frozen=True)
class Removal:
    """What a mass removal did, or will do once its job has run (`queued`)."""

    rolled_back: int = 0
    deleted: int = 0
    queued: bool = False

    @property
    def pages(self):
        return self.rolled_back + self.deleted


def _pages_created_alone(user):
    """The live pages `user` created that nobody else ever edited."""
    edited_by_others = Revision.objects.exclude(author=user).values("page_id")
    return (
        Page.objects.live()
        .filter(revisions__number=1, revisions__author=user)
        .exclude(pk__in=edited_by_others)
    )


def _pages_edited_last(user):
    """The live pages whose latest edit is `user`'s, that others edited too."""
    return (
        Page.objects.live()
        .filter(current_revision__author=user)
        .exclude(pk__in=_pages_created_alone(user).values("pk"))
    )


def removal_planned(user):
    """What removing `user`'s contributions would do now, as a Removal."""
    return Removal(
        rolled_back=_pages_edited_last(user).count(),
        deleted=_pages_created_alone(user).count(),
    )


def contributions_remove(*, user, actor, reason):
    """Roll back `user`'s latest edits everywhere and delete the pages only they
    edited: at once when it is small, else in a job. Returns the Removal."""
    planned = removal_planned(user)
    if planned.pages > INLINE_PAGES:
        contributions_removed.enqueue(user.pk, actor.pk if actor else None, reason)
        return Removal(planned.rolled_back, planned.deleted, queued=True)
    return _remove(user, actor, reason)


@job()
def contributions_removed(user_id, actor_id, reason):
    """The background run of a large mass removal."""
    users = get_user_model().objects
    actor = users.filter(pk=actor_id).first() if actor_id else None
    _remove(users.get(pk=user_id), actor, reason)


def _remove(user, actor, reason):
    deleted = rolled_back = 0
    for page in _pages_created_alone(user).iterator():
        try:
            page_delete(page=page, actor=actor, reason=reason)
            deleted += 1
        except DeletionRefused:
            pass  # an app keeps the page (WikiExtension.refusal)
    for page in _pages_edited_last(user).iterator():
        try:
            page_rollback(page=page, username=user.username, actor=actor)
            rolled_back += 1
        except RollbackRefused:
            pass  # someone edited it since
    log_event(
        kind=LogKind.MASS_REMOVAL,
        actor=actor,
        target=user.username,
        target_url=reverse("wiki:user", kwargs={"username": user.username}),
        comment=f"{reason} (rolled back {rolled_back} pages, deleted {deleted})",
    )
    return Removal(rolled_back=rolled_back, deleted=deleted)
