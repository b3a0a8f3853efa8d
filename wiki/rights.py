"""Who may do what: the one place that answers "may this user do this to this page
now", for views, templates and services alike.

A user's tier follows from their account: anonymous, new, autoconfirmed (an account at
least WIKI_AUTOCONFIRM_DAYS old with WIKI_AUTOCONFIRM_EDITS edits, as MediaWiki's
$wgAutoConfirmAge and $wgAutoConfirmCount), staff. Besides their tier, users may be in
the groups staff give in admin: patrollers, rollbackers, bots. A page adds its state:
its protection for edits and for moves, and whose user page it is.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Namespace, ProtectionLevel, Revision
from .tiers import Tier


class Action(models.TextChoices):
    EDIT = "edit"
    CREATE = "create"
    MOVE = "move"
    UPLOAD = "upload"
    TALK = "talk"
    ROLLBACK = "rollback"
    PATROL = "patrol"
    PROTECT = "protect"
    BLOCK = "block"
    DELETE = "delete"
    MINOR = "minor"


# The groups staff give in admin, by the name each has there. A bot counts as an
# autoconfirmed user whatever its age, and its edits are hidden on request.
PATROLLERS = "patrollers"
ROLLBACKERS = "rollbackers"
BOTS = settings.WIKI_BOTS_GROUP

# The least tier each action needs, and a group that grants it below that tier.
NEEDS = {
    Action.EDIT: (Tier.NEW, None),
    Action.CREATE: (Tier.NEW, None),
    Action.TALK: (Tier.NEW, None),
    Action.UPLOAD: (Tier.NEW, None),
    Action.MOVE: (Tier.AUTOCONFIRMED, None),
    Action.ROLLBACK: (Tier.STAFF, ROLLBACKERS),
    Action.PATROL: (Tier.STAFF, PATROLLERS),
    Action.PROTECT: (Tier.STAFF, None),
    Action.BLOCK: (Tier.STAFF, None),
    Action.DELETE: (Tier.STAFF, None),
    Action.MINOR: (Tier.AUTOCONFIRMED, None),
}
# The tier a protection level asks of an editor (or a mover).
LEVEL_NEEDS = {
    ProtectionLevel.NONE: Tier.NEW,
    ProtectionLevel.SEMI: Tier.AUTOCONFIRMED,
    ProtectionLevel.FULL: Tier.STAFF,
}
# The actions a page's edit protection guards (a rollback is an edit); a move is
# guarded by both.
GUARDED_BY_EDIT = {
    Action.EDIT,
    Action.CREATE,
    Action.TALK,
    Action.MOVE,
    Action.ROLLBACK,
}


@dataclass(frozen=True)
class Rights:
    """What one user is: their tier, their groups, their name."""

    tier: Tier
    groups: frozenset = frozenset()
    username: str = ""

    def __contains__(self, group):
        return group in self.groups


def _is_autoconfirmed(user):
    joined_long_ago = timezone.now() - user.date_joined >= timedelta(
        days=settings.WIKI_AUTOCONFIRM_DAYS
    )
    # The edit count is read only for accounts old enough: most new ones are not.
    return joined_long_ago and (
        Revision.objects.filter(author=user).count() >= settings.WIKI_AUTOCONFIRM_EDITS
    )


def rights_of(user):
    """`user`'s rights, read once per user object (a request's user: at most two
    queries a request, none for an anonymous reader)."""
    rights = getattr(user, "_wiki_rights", None)
    if rights is not None:
        return rights
    if not user.is_authenticated:
        rights = Rights(Tier.ANONYMOUS)
    else:
        groups = frozenset(user.groups.values_list("name", flat=True))
        if user.is_staff:
            tier = Tier.STAFF
        elif BOTS in groups or _is_autoconfirmed(user):
            tier = Tier.AUTOCONFIRMED
        else:
            tier = Tier.NEW
        rights = Rights(tier, groups, user.username)
    user._wiki_rights = rights
    return rights


def forget_rights(user):
    """Read `user`'s rights afresh next time: an edit of theirs may have made them
    autoconfirmed."""
    if user is not None:
        user.__dict__.pop("_wiki_rights", None)


def refusal(user, action, page=None):
    """Why `user` may not do `action` (to `page`, if it concerns one) now; "" if they
    may."""
    action = Action(action)
    rights = rights_of(user)
    least, group = NEEDS[action]
    if rights.tier < least and not (group and group in rights):
        if rights.tier == Tier.ANONYMOUS:
            return _("Log in to do that.")
        return _("Only %(who)s may do that.") % {"who": _who(least, group)}
    if page is not None:
        return _page_refusal(rights, action, page)
    return ""


def _who(tier, group):
    names = {
        Tier.NEW: _("logged-in users"),
        Tier.AUTOCONFIRMED: _("autoconfirmed users"),
        Tier.STAFF: _("staff"),
    }
    if not group:
        return names[tier]
    return _("%(group)s and %(users)s") % {"group": group, "users": names[tier]}


def _page_refusal(rights, action, page):
    if rights.tier == Tier.STAFF:
        return ""
    owners_only = page.kind == Namespace.USER and action in GUARDED_BY_EDIT
    if owners_only and page.owner != rights.username:
        return _("Only its owner and staff edit a user's own page.")
    guards = [page.protection("edit")] if action in GUARDED_BY_EDIT else []
    if action == Action.MOVE:
        guards.append(page.protection("move"))
    for level in guards:
        if rights.tier < LEVEL_NEEDS[level]:
            if action == Action.MOVE:
                return _("This page is protected: %(who)s may move it.") % {
                    "who": level.label
                }
            return _("This page is protected: %(who)s may edit it.") % {
                "who": level.label
            }
    return ""


def is_trusted(user):
    """Whether `user` is past the checks strangers meet: autoconfirmed, a bot or
    staff. The edits of the others wait for a patroller, and their links for the
    question challenge. No user (the wiki's own edits) is trusted."""
    return user is None or rights_of(user).tier >= Tier.AUTOCONFIRMED


def is_autopatrolled(user):
    """Whether `user`'s edits count as patrolled as they are saved."""
    if is_trusted(user):
        return True
    groups = rights_of(user).groups
    return PATROLLERS in groups or ROLLBACKERS in groups


def may(user, action, page=None):
    """Whether `user` may do `action` (to `page`) now."""
    return not refusal(user, action, page)
