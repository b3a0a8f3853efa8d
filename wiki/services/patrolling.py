"""Patrol: a patroller marks a stranger's revision checked, so the next patroller
need not look at it again (MediaWiki's patrolling)."""

from django.db import transaction

from ..models import LogKind, Revision
from .log import log_event


@transaction.atomic
def revision_patrol(*, revision, actor):
    """Mark `revision` patrolled, logged; False when someone already had."""
    marked = Revision.objects.filter(pk=revision.pk, patrolled=False).update(
        patrolled=True
    )
    if marked:
        log_event(
            kind=LogKind.PATROL,
            actor=actor,
            target=revision.page.title,
            target_url=revision.get_diff_url() or revision.get_absolute_url(),
            comment=f"revision {revision.number}",
        )
    return bool(marked)
