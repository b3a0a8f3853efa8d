"""Blocking and unblocking accounts, addresses and ranges, logged."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ..models import Block, LogKind
from ..models.blocks import range_keys
from .log import log_event


def _said(block):
    parts = ["site-wide" if block.sitewide else "partial"]
    parts.append(
        f"until {block.expires_at:%Y-%m-%d %H:%M} UTC"
        if block.expires_at
        else "indefinite"
    )
    return f"{block.reason} ({', '.join(parts)})"


@transaction.atomic
def block_create(
    *, target, user=None, network=None, expires_at, reason, actor, **scope
):
    """Block the account `user`, or the address or range `network`, until
    `expires_at` (None: for good). `scope` holds the partial block's fields
    (sitewide, pages, from_uploads, from_talk, from_signup, allow_own_talk)."""
    pages = scope.pop("pages", [])
    first = last = ""
    if network is not None:
        first, last = range_keys(network)
    block = Block.objects.create(
        user=user,
        target=target,
        first_address=first,
        last_address=last,
        expires_at=expires_at,
        reason=reason,
        blocked_by=actor,
        **scope,
    )
    block.pages.set(pages)
    log_event(
        kind=LogKind.BLOCK,
        actor=actor,
        target=target,
        target_url=_target_url(user),
        comment=_said(block),
    )
    return block


def _target_url(user):
    if user is not None:
        return reverse("wiki:user", kwargs={"username": user.username})
    return reverse("wiki:blocks")


@transaction.atomic
def block_lift(*, block, actor, reason=""):
    """End a block now; it stays on record, and the log says who lifted it."""
    block = Block.objects.select_for_update().get(pk=block.pk)
    block.expires_at = timezone.now()
    block.save(update_fields=["expires_at"])
    log_event(
        kind=LogKind.UNBLOCK,
        actor=actor,
        target=block.target,
        target_url=_target_url(block.user),
        comment=reason,
    )
    return block
