"""Moving a page to a new title, from its tabs."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from ..blocks import refused_by_block
from ..forms import MoveForm
from ..models import Page
from ..rights import Action, refusal
from ..services import MoveRefused, page_move, pages_linking_to


def _form_page(request, page, form, status=HTTPStatus.OK):
    context = {"page": page, "form": form}
    return render(request, "wiki/page_move.html", context, status=status)


@login_required
def page_move_view(request, slug):
    """GET the move form; POST to move the page, its old title left redirecting."""
    page = get_object_or_404(Page.objects.live().articles(), slug=slug)
    blocked = refused_by_block(request, "edit", page)
    if blocked:
        return blocked
    refused = refusal(request.user, Action.MOVE, page)
    if refused:
        return render(
            request,
            "wiki/move_refused.html",
            {"page": page, "reason": refused},
            status=HTTPStatus.FORBIDDEN,
        )
    if request.method != "POST":
        return _form_page(request, page, MoveForm(initial={"new_title": page.title}))
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _form_page(request, page, form, HTTPStatus.BAD_REQUEST)
    try:
        moved = page_move(page=page, actor=request.user, **form.cleaned_data)
    except MoveRefused as refused:
        form.add_error("new_title", str(refused))
        return _form_page(request, page, form, HTTPStatus.CONFLICT)
    linking = pages_linking_to(slug).exclude(pk=moved.pk).count()
    messages.success(
        request,
        _("Moved “%(title)s”; its old title redirects here.")
        % {"title": form.cleaned_data["new_title"]}
        + (f" {linking} page(s) still link to the old title." if linking else ""),
    )
    return redirect(moved)
