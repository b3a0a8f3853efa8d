"""Watching pages: the watch tab, the watchlist, its editor, notifications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from ..models import Page
from ..selectors import watchlist_revisions
from ..services import notifications_mark_read, page_unwatch, page_watch
from .history import HISTORY_PAGE_SIZE, RecentChangesView

WATCHED_PAGES_PER_PAGE = 100


@require_POST
@login_required
def page_watch_view(request, slug):
    """Watch or unwatch a page, as the form's `action` says; back to the page."""
    page = get_object_or_404(Page, slug=slug)
    if request.POST.get("action") == "unwatch":
        page_unwatch(user=request.user, page=page)
        messages.success(request, f"“{page.title}” is no longer on your watchlist.")
    else:
        page_watch(user=request.user, page=page)
        messages.success(request, f"“{page.title}” is on your watchlist.")
    return redirect(page)


class WatchlistView(LoginRequiredMixin, RecentChangesView):
    """The latest changes to the pages the user watches, filtered as recent changes
    are (minor edits hidden, say)."""

    template_name = "wiki/watchlist.html"

    def changes(self):
        return watchlist_revisions(self.request.user)


@login_required
def watchlist_edit(request):
    """The watched pages, to take some off the list."""
    if request.method == "POST":
        page_ids = [pk for pk in request.POST.getlist("page") if pk.isdigit()]
        pages = Page.objects.filter(pk__in=page_ids, watches__user=request.user)
        for page in pages:
            page_unwatch(user=request.user, page=page)
        messages.success(
            request,
            ngettext(
                "Removed %(count)d page from your watchlist.",
                "Removed %(count)d pages from your watchlist.",
                len(pages),
            )
            % {"count": len(pages)},
        )
        return redirect("wiki:watchlist_edit")
    watched = Page.objects.filter(watches__user=request.user).only(
        "title", "slug", "namespace"
    )
    page_obj = Paginator(
        watched.order_by("title", "pk"), WATCHED_PAGES_PER_PAGE
    ).get_page(request.GET.get("page"))
    context = {"page_obj": page_obj, "watched_pages": page_obj.object_list}
    return render(request, "wiki/watchlist_edit.html", context)


class NotificationsView(LoginRequiredMixin, ListView):
    """What changed on watched pages, newest first; showing them marks them read."""

    paginate_by = HISTORY_PAGE_SIZE
    template_name = "wiki/notifications.html"

    def get_queryset(self):
        return self.request.user.notifications.select_related(
            "revision__page", "revision__author"
        ).defer("revision__body", "revision__html")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unread = notifications_mark_read(notifications=context["object_list"])
        return {**context, "unread_ids": unread}
