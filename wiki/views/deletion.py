"""Deleting a page (staff, with a reason) and restoring it from /deleted/."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from ..forms import DeletionForm
from ..models import Page
from ..services import DeletionRefused, page_delete, page_restore
from .history import HISTORY_PAGE_SIZE


@staff_member_required
def page_delete_view(request, slug):
    """GET the confirmation with a reason to give; POST to delete."""
    page = get_object_or_404(Page.objects.live(), slug=slug)
    form = DeletionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            page_delete(
                page=page, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except DeletionRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(page)
        messages.success(
            request,
            _("Deleted “%(title)s”. It can be restored.") % {"title": page.title},
        )
        return redirect("wiki:deleted")
    status = HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK
    return render(
        request, "wiki/page_delete.html", {"page": page, "form": form}, status=status
    )


class DeletedPagesView(ListView):
    """Deleted pages, most recently deleted first, each with a restore button."""

    paginate_by = HISTORY_PAGE_SIZE
    template_name = "wiki/deleted_pages.html"

    def get_queryset(self):
        return (
            Page.objects.deleted()
            .select_related("deleted_by")
            .only(
                "title",
                "deleted_slug",
                "deleted_at",
                "deletion_reason",
                "deleted_by__username",
            )
            .order_by("-deleted_at", "pk")
        )


deleted_pages = staff_member_required(DeletedPagesView.as_view())


@require_POST
@staff_member_required
def page_restore_view(request, pk):
    page = get_object_or_404(Page.objects.deleted(), pk=pk)
    try:
        page = page_restore(page=page, actor=request.user)
    except DeletionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("wiki:deleted")
    messages.success(
        request,
        _("Restored “%(title)s” with its whole history.") % {"title": page.title},
    )
    return redirect("wiki:page", slug=page.slug)
