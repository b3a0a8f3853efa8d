"""Patrol: mark a stranger's revision checked, and the list of new pages that
patrollers work through."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ..blocks import refused_by_block
from ..models import Revision
from ..rights import Action, refusal
from ..services import revision_patrol
from .history import RecentChangesView


def _back_to(request, revision):
    """Where the patroller came from (the new pages, a diff), or the revision."""
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return back
    return revision.get_diff_url() or revision.get_absolute_url()


@require_POST
@login_required
def revision_patrol_view(request, slug, pk):
    """Mark revision `pk` of the page patrolled."""
    revision = get_object_or_404(
        Revision.objects.select_related("page"), pk=pk, page__slug=slug
    )
    blocked = refused_by_block(request, "edit", revision.page)
    if blocked:
        return blocked
    refused = refusal(request.user, Action.PATROL, revision.page)
    if refused:
        raise PermissionDenied(refused)
    if revision_patrol(revision=revision, actor=request.user):
        messages.success(
            request,
            _("Revision %(number)d marked patrolled.") % {"number": revision.number},
        )
    else:
        messages.info(
            request,
            _("Revision %(number)d was already patrolled.")
            % {"number": revision.number},
        )
    return redirect(_back_to(request, revision))


class NewPagesView(RecentChangesView):
    """The newest pages first: recent changes that created a page, with the same
    filters (`unpatrolled=1` leaves what patrollers have still to check)."""

    template_name = "wiki/new_pages.html"

    def fixed_filters(self):
        return {**super().fixed_filters(), "newpages": "1"}
