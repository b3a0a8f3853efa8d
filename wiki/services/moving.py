"""Moving (renaming) a page: its history goes with it, its old title redirects.

The page row keeps its history and takes the new address; a new redirect page takes
the old one, so links and bookmarks keep working. One revision records the move.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..extensions import refusal
from ..models import LogKind, Page
from ..namespaces import slug_for_title, talk_slug, talk_title
from .log import log_event
from .pages import Refused
from .publishing import rerender_pages_linking_to
from .revisions import locked_page, page_create, page_remove, revision_create


class MoveRefused(Refused):
    """The page may not be moved there; the message says why."""


def _make_way(slug, *, actor, old_title):
    """Clear `slug` for a move: free, or held by a mere redirect, which is deleted."""
    holder = locked_page(slug)
    if holder is None:
        return
    if not holder.redirect_to:
        raise MoveRefused(
            _("A page already exists at /wiki/%(slug)s/; choose another title.")
            % {"slug": slug}
        )
    reason = f"Deleted to make way for moving {old_title}"
    page_remove(holder, actor=actor, reason=reason, when=timezone.now())


@transaction.atomic
def page_move(*, page, new_title, actor, reason=""):
    """Move `page` to `new_title`; return the moved page.

    Refused (MoveRefused) onto a page that is not only a redirect, to the same
    address, or where an app keeps the page (WikiExtension.refusal).
    """
    page = locked_page(page.slug)
    new_title = " ".join(new_title.split())
    old_slug, old_title, new_slug = page.slug, page.title, slug_for_title(new_title)
    if not new_slug:
        raise MoveRefused(_("The new title needs at least one letter or digit."))
    if new_slug == old_slug:
        raise MoveRefused(_("That title has the same address; edit the title instead."))
    refused = refusal(page, "move")
    if refused:
        raise MoveRefused(refused)
    _make_way(new_slug, actor=actor, old_title=old_title)
    talk = locked_page(talk_slug(old_slug))

    page.slug, page.title = new_slug, new_title
    page.save(update_fields=["slug", "title", "updated_at"])
    summary = f"Moved from “{old_title}” to “{new_title}”" + (
        f": {reason}" if reason else ""
    )
    revision_create(
        page=page, body=page.current_revision.body, author=actor, summary=summary
    )
    if talk is not None:
        talk.slug, talk.title = talk_slug(new_slug), talk_title(new_title)
        talk.save(update_fields=["slug", "title", "updated_at"])
    page_create(
        slug=old_slug,
        title=old_title,
        body=f"#REDIRECT [[{new_title}]]",
        author=actor,
        summary=summary,
    )
    rerender_pages_linking_to.enqueue(new_slug)
    log_event(
        kind=LogKind.MOVE,
        actor=actor,
        target=new_title,
        target_url=page.get_absolute_url(),
        comment=f"from “{old_title}”" + (f": {reason}" if reason else ""),
    )
    return page


def pages_linking_to(slug):
    """The live pages whose text links to `slug`, to update after a move."""
    return Page.objects.live().filter(outgoing_links__target_slug=slug)
