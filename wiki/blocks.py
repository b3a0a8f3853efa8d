"""Whether a request is blocked from an action: its account, or its address by an
address or range block. One query per request, whatever it does, on every host at
once (blocks are rows of the shared database); none for a request that writes nothing.
"""

from dataclasses import dataclass
from http import HTTPStatus

from django.shortcuts import render
from django.utils import timezone

from .limits import client_ip
from .models import Block, Namespace, Page
from .namespaces import user_page_slug


@dataclass(frozen=True)
class BlockNotice:
    """What a blocked user is told: why, until when, by whom."""

    target: str
    reason: str
    expires_at: object
    blocked_by: str
    sitewide: bool
    page_ids: frozenset
    from_uploads: bool
    from_talk: bool
    from_signup: bool
    allow_own_talk: bool
    is_address_block: bool


FIELDS = [
    "pk",
    "target",
    "reason",
    "expires_at",
    "blocked_by__username",
    "sitewide",
    "from_uploads",
    "from_talk",
    "from_signup",
    "allow_own_talk",
    "user_id",
    "pages__id",
]


def _blocks_of(request):
    """The active blocks against the request, read once (one query: a block's
    partial pages come as rows of the same query)."""
    blocks = getattr(request, "_wiki_blocks", None)
    if blocks is not None:
        return blocks
    rows = (
        Block.objects.active(timezone.now())
        .against(user=request.user, address=client_ip(request))
        .values_list(*FIELDS)
    )
    found = {}
    for row in rows:
        values = dict(zip(FIELDS, row, strict=True))
        pages = found.get(values["pk"], (values, set()))[1]
        if values["pages__id"] is not None:
            pages.add(values["pages__id"])
        found[values["pk"]] = (values, pages)
    blocks = [
        BlockNotice(
            target=values["target"],
            reason=values["reason"],
            expires_at=values["expires_at"],
            blocked_by=values["blocked_by__username"] or "staff",
            sitewide=values["sitewide"],
            page_ids=frozenset(pages),
            from_uploads=values["from_uploads"],
            from_talk=values["from_talk"],
            from_signup=values["from_signup"],
            allow_own_talk=values["allow_own_talk"],
            is_address_block=values["user_id"] is None,
        )
        for values, pages in found.values()
    ]
    request._wiki_blocks = blocks
    return blocks


def forget_blocks(request):
    """Read the request's blocks afresh next time: one was set during it."""
    request.__dict__.pop("_wiki_blocks", None)


def _is_own_user_talk(request, page):
    return (
        page is not None
        and page.kind == Namespace.USER_TALK
        and page.owner == request.user.username
    )


def _stops(block, request, action, page):
    if action == "signup":
        return block.from_signup and block.is_address_block
    if _is_own_user_talk(request, page) and block.allow_own_talk:
        return False
    if block.sitewide:
        return True
    if action == "upload":
        return block.from_uploads
    if page is not None and page.is_talk and block.from_talk:
        return True
    return page is not None and page.pk in block.page_ids


def block_against(request, action, page=None):
    """The block that stops this request from `action` ("edit", "upload", "talk",
    "signup"…) on `page`, or None."""
    return next(
        (b for b in _blocks_of(request) if _stops(b, request, action, page)), None
    )


def blocked_answer(request, block):
    """The 403 a blocked user gets: the block's reason, expiry and who set it."""
    own_talk = None
    if request.user.is_authenticated and block.allow_own_talk:
        own_talk = Page.at_address(user_page_slug(request.user.username)).get_talk_url()
    context = {"notice": block, "own_talk_url": own_talk}
    return render(request, "wiki/blocked.html", context, status=HTTPStatus.FORBIDDEN)


def refused_by_block(request, action, page=None):
    """The 403 answer if a block stops this request, else None."""
    block = block_against(request, action, page)
    return blocked_answer(request, block) if block else None
