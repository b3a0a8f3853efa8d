"""A user's page: what they write about themselves, their talk, their latest edits."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render

from ..models import Page
from ..namespaces import Namespace, title_in, user_page_slug
from ..page_cache import cached_for_readers, of_changes
from ..rights import Action, may
from ..selectors import recent_revisions

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
