"""Protecting a page (staff, from its tabs) and the list of protected pages."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from ..forms import ProtectionForm
from ..models import Page
from ..page_cache import cached_for_readers, of_changes
from ..rights import Action, refusal
from ..services import page_protect


@login_required
def page_protect_view(request, slug):
    """GET the protection form, as the page is protected now; POST to change it."""
    page = get_object_or_404(Page.objects.live(), slug=slug)
    refused = refusal(request.user, Action.PROTECT, page)
    if refused:
        raise PermissionDenied(refused)
    current = {
        "edit_level": page.protection("edit"),
        "move_level": page.protection("move"),
        "reason": page.protection_reason,
    }
    form = ProtectionForm(request.POST or None, initial=current)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        page_protect(
            page=page,
            edit=data["edit_level"],
            move=data["move_level"],
            expires_at=form.expires_at(timezone.now()),
            reason=data["reason"],
            actor=request.user,
        )
        messages.success(request, _("Protection saved."))
        return redirect(page)
    status = HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK
    context = {"page": page, "form": form}
    return render(request, "wiki/page_protect.html", context, status=status)


@method_decorator(
    cached_for_readers(tags=of_changes, params=("page",)), name="dispatch"
)
class ProtectedPagesView(ListView):
    """Pages whose protection holds now, soonest to lift first, then the
    indefinite ones."""

    paginate_by = 100
    template_name = "wiki/protected_pages.html"

    def get_queryset(self):
        return (
            Page.objects.live()
            .protected(timezone.now())
            .order_by(F("protection_expires_at").asc(nulls_last=True), "title")
        )
