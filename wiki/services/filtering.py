"""The edit filter at work: every rule that matches an edit is logged, and its
actions are done (warn, tag, disallow, block); a rule that matches too much of the
wiki's editing switches itself off (MediaWiki's emergency throttle)."""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..filters import rule_matches
from ..models import EditFilter, FilterHit, LogKind, Revision
from .blocking import block_create
from .log import log_event

logger = logging.getLogger("wiki.filters")

THROTTLE_WINDOW = timedelta(hours=1)
# Only a rule changed this recently can throttle itself: one that has long run as
# it is matches what it was written for, even in a spam wave.
THROTTLE_RULES_CHANGED_WITHIN = timedelta(days=1)


@dataclass
class Verdict:
    """What the rules that matched an edit ask: tags to add, warnings the editor
    has not seen yet, or the refusal (and whether they are now blocked)."""

    tags: set = field(default_factory=set)
    warnings: dict = field(default_factory=dict)  # rule id: message
    refusal: str = ""
    blocked: bool = False


def _hit(rule, attempt, *, user, address, actions):
    FilterHit.objects.create(
        edit_filter=rule,
        actions=", ".join(actions),
        user=user,
        address=address,
        page_title=attempt.title,
        page_slug=attempt.slug,
        summary=attempt.summary,
        old_text=attempt.old_text,
        new_text=attempt.new_text,
    )


def _actions(rule, verdict, warned, blocks):
    """Apply `rule`'s actions to `verdict`; the words for what was done."""
    actions = []
    if rule.warns and rule.pk not in warned and not rule.refuses:
        verdict.warnings[rule.pk] = rule.message or _(
            "This edit matched “%(rule)s”."
        ) % {"rule": rule.name}
        actions.append("warned")
    elif rule.warns:
        actions.append("saved after a warning")
    if rule.tag:
        verdict.tags.add(rule.tag)
        actions.append(f"tagged {rule.tag}")
    if rule.refuses:
        verdict.refusal = rule.message or _("This edit was refused by the edit filter.")
        actions.append("disallowed")
    if blocks:
        verdict.blocked = True
        actions.append(f"blocked for {rule.block_hours} h")
    return actions


def _block(rule, user):
    block_create(
        target=user.username,
        user=user,
        expires_at=timezone.now() + timedelta(hours=rule.block_hours),
        reason=f"Edit filter: {rule.name}",
        actor=None,
        sitewide=True,
    )


def _throttle(rule, now):
    """Switch `rule` off when, changed lately, it matched more than its share of
    the last hour's edits; say so in the site log."""
    if now - rule.updated_at > THROTTLE_RULES_CHANGED_WITHIN:
        return
    since = now - THROTTLE_WINDOW
    hits = rule.hits.filter(created_at__gte=since).count()
    if hits < settings.WIKI_FILTER_THROTTLE_MIN_HITS:
        return
    edits = Revision.objects.filter(created_at__gte=since).count()
    refused = rule.hits.filter(created_at__gte=since, actions__contains="disallowed")
    attempts = edits + refused.count()
    if hits <= settings.WIKI_FILTER_THROTTLE * attempts:
        return
    EditFilter.objects.filter(pk=rule.pk).update(enabled=False)
    said = (
        f"switched itself off: it matched {hits} of {attempts} edits in an hour "
        f"(over {settings.WIKI_FILTER_THROTTLE:.0%})"
    )
    log_event(kind=LogKind.FILTER, actor=None, target=rule.name, comment=said)
    logger.warning("Edit filter %r %s.", rule.name, said)


@transaction.atomic
def edit_filtered(*, attempt, user, address, warned=frozenset()):
    """Run every enabled rule on `attempt` by `user` from `address`, log the
    matches and do what they say; `warned` are the rules whose warning the editor
    has seen and saved past. Returns the Verdict, for the edit to follow."""
    verdict = Verdict()
    now = timezone.now()
    rules = EditFilter.objects.filter(enabled=True, max_tier__gte=attempt.tier)
    for rule in rules:
        if not rule_matches(rule, attempt):
            continue
        blocks = rule.block_hours is not None and user is not None
        blocks = blocks and not verdict.blocked  # one block an edit is enough
        actions = _actions(rule, verdict, warned, blocks)
        _hit(rule, attempt, user=user, address=address, actions=actions)
        if blocks:
            _block(rule, user)
        _throttle(rule, now)
    return verdict


def honeypot_caught(*, where, user, address, text=""):
    """Log a form (`where`: a page's title, "signup") whose honeypot was filled:
    a bot's, refused like a wrong answer."""
    FilterHit.objects.create(
        actions="honeypot: refused",
        user=user,
        address=address,
        page_title=where,
        new_text=text,
    )
    logger.warning("Honeypot filled on %s from %s.", where, address)
