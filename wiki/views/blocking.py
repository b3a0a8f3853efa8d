"""Blocking (staff, at /block/) and the list of active blocks (anyone, /blocks/)."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from ..forms import BlockForm
from ..models import Block
from ..rights import Action, refusal
from ..services import block_create, block_lift


def _staff_only(request):
    refused = refusal(request.user, Action.BLOCK)
    if refused:
        raise PermissionDenied(refused)


@login_required
def block_view(request):
    """GET the block form (`?target=` fills it); POST to block."""
    _staff_only(request)
    form = BlockForm(
        request.POST or None, initial={"target": request.GET.get("target", "")}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        block_create(
            target=data.pop("target"),
            user=form.blocked_user,
            network=form.network,
            expires_at=form.expires_at(timezone.now()),
            reason=data.pop("reason"),
            actor=request.user,
            **{k: v for k, v in data.items() if k != "expiry"},
        )
        messages.success(request, _("Blocked."))
        return redirect("wiki:blocks")
    status = HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK
    return render(request, "wiki/block_form.html", {"form": form}, status=status)


class BlockListView(ListView):
    """The blocks in force, newest first."""

    paginate_by = 100
    template_name = "wiki/block_list.html"

    def get_queryset(self):
        return (
            Block.objects.active(timezone.now())
            .select_related("blocked_by")
            .prefetch_related("pages")
        )


@require_POST
@login_required
def unblock_view(request, pk):
    _staff_only(request)
    block = get_object_or_404(Block.objects.active(timezone.now()), pk=pk)
    block_lift(block=block, actor=request.user)
    messages.success(request, _("Unblocked %(target)s.") % {"target": block.target})
    return redirect("wiki:blocks")
