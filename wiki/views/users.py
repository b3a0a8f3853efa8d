"""A user's page: what they write about themselves, their talk, their latest edits;
and for staff, the removal of all a vandal's contributions at once."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from ..forms import DeletionForm
from ..models import Page
from ..namespaces import Namespace, title_in, user_page_slug
from ..page_cache import cached_for_readers, of_changes
from ..rights import Action, may, refusal
from ..selectors import recent_revisions
from ..services import contributions_remove, removal_planned

LATEST_CONTRIBUTIONS = 10


@cached_for_readers(tags=of_changes)
def user_detail(request, username):
    """/users/<name>/: the user's own page, if written, and their latest edits."""
    member = get_object_or_404(get_user_model(), username=username)
    slug = user_page_slug(member.username)
    page = Page.objects.live().with_current_revision().filter(slug=slug).first()
    context = {
        "member": member,
        "page": page,
        "page_slug": slug,
        "page_title": title_in(Namespace.USER, member.username),
        "may_edit": may(request.user, Action.EDIT, page or Page.at_address(slug)),
        "revision_list": recent_revisions().filter(author=member)[
            :LATEST_CONTRIBUTIONS
        ],
    }
    return render(request, "wiki/user_detail.html", context)


def user_page_redirect(request, username):
    """/wiki/user:<name>/ is shown at /users/<name>/."""
    return redirect("wiki:user", username=username)


@login_required
def contributions_remove_view(request, username):
    """Staff: GET what removing a user's contributions would do; POST to do it."""
    member = get_object_or_404(get_user_model(), username=username)
    refused = refusal(request.user, Action.DELETE)
    if refused:
        raise PermissionDenied(refused)
    form = DeletionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = contributions_remove(
            user=member, actor=request.user, reason=form.cleaned_data["reason"]
        )
        if done.queued:
            messages.success(
                request,
                _(
                    "Removing %(username)s's contributions on %(pages)d pages: it "
                    "runs in the background, and the site log will say when it is done."
                )
                % {"username": username, "pages": done.pages},
            )
        else:
            messages.success(
                request,
                _(
                    "Rolled back %(username)s's edits on %(rolled_back)d pages and "
                    "deleted %(deleted)d pages."
                )
                % {
                    "username": username,
                    "rolled_back": done.rolled_back,
                    "deleted": done.deleted,
                },
            )
        return redirect("wiki:contributions", username=username)
    context = {"member": member, "form": form, "planned": removal_planned(member)}
    status = HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK
    return render(request, "wiki/contributions_remove.html", context, status=status)
