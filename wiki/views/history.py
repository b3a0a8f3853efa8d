"""What changed: a page's history, old revisions, diffs, recent changes site-wide."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import ListView

from ..diffing import diff_hunks
from ..forms import ChangesFilterForm
from ..models import LogEntry, LogKind, Page, Revision
from ..page_cache import cached_for_readers, of_page
from ..selectors import filter_changes, recent_revisions
from ..text import number_in

HISTORY_PAGE_SIZE = 50


def _revision_of(slug, pk):
    queryset = Revision.objects.select_related("page", "author")
    return get_object_or_404(queryset, pk=pk, page__slug=slug)


@method_decorator(cached_for_readers(tags=of_page, params=("page",)), name="dispatch")
class PageHistoryView(ListView):
    """A page's revisions, newest first."""

    paginate_by = HISTORY_PAGE_SIZE
    template_name = "wiki/page_history.html"

    def get_queryset(self):
        self.page = get_object_or_404(Page, slug=self.kwargs["slug"])
        return (
            self.page.revisions.select_related("author")
            .prefetch_related("tags")
            .defer("body", "html")
            .order_by("-number")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)


@cached_for_readers(tags=of_page)
def revision_detail(request, slug, pk):
    """One old revision, rendered as it was."""
    revision = _revision_of(slug, pk)
    context = {
        "page": revision.page,
        "revision": revision,
        "is_current": revision.page.current_revision_id == revision.pk,
    }
    return render(request, "wiki/revision_detail.html", context)


@cached_for_readers(tags=of_page)
def revision_diff(request, slug, old_id, new_id):
    """The difference between two revisions of one page, with the edits before and
    after them a click away."""
    old, new = _revision_of(slug, old_id), _revision_of(slug, new_id)
    newer = (
        new.page.revisions.filter(number__gt=new.number)
        .only("pk", "previous_id")
        .order_by("number")
        .first()
    )
    context = {
        "page": new.page,
        "old": old,
        "new": new,
        "older_diff_url": old.get_diff_url(),
        "newer_diff_url": newer.get_diff_url() if newer else None,
        "hunks": diff_hunks(old.body, new.body),
    }
    return render(request, "wiki/revision_diff.html", context)


def revision_compare(request, slug):
    """The history's "Compare selected revisions": a GET form's two revisions
    (`oldid`, `diff`), sent on to their diff, the older first."""
    page = get_object_or_404(Page, slug=slug)
    chosen = {number_in(request.GET.get(name)) for name in ("oldid", "diff")}
    revisions = list(page.revisions.filter(pk__in=chosen).order_by("number"))
    if None in chosen or len(revisions) != len(chosen):
        messages.error(request, _("Choose two revisions of this page to compare."))
        return redirect("wiki:history", slug=slug)
    old, new = revisions[0], revisions[-1]
    return redirect("wiki:diff", slug=slug, old_id=old.pk, new_id=new.pk)


class RecentChangesView(ListView):
    """The latest edits site-wide, filtered as the query string asks."""

    paginate_by = HISTORY_PAGE_SIZE
    template_name = "wiki/recent_changes.html"

    def fixed_filters(self):
        """Filters the address sets, whatever the query string says."""
        if "username" in self.kwargs:
            return {"user": self.kwargs["username"]}
        return {}

    def get_filter_form(self):
        data = self.request.GET.copy()
        data.update(self.fixed_filters())
        return ChangesFilterForm(data)

    def changes(self):
        """The revisions the filters choose from."""
        return recent_revisions()

    def get_queryset(self):
        self.filter_form = self.get_filter_form()
        filters = self.filter_form.filters(self.request.user)
        return filter_changes(self.changes(), **filters)

    def get_context_data(self, **kwargs):
        filters = self.filter_form.filters(self.request.user)
        username = filters.get("username", "")
        contributor = (
            get_user_model().objects.filter(username=username).first()
            if username
            else None
        )
        return super().get_context_data(
            username=username,
            contributor=contributor,
            filter_form=self.filter_form,
            query_prefix=self.filter_form.query_string(),
            **kwargs,
        )


BLOCK_ENTRIES = 20


class ContributionsView(RecentChangesView):
    """One user's edits, newest first."""

    template_name = "wiki/contributions.html"

    def get_queryset(self):
        get_object_or_404(get_user_model(), username=self.kwargs["username"])
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        """Their blocks and unblocks too, as the site log has them."""
        blocks = LogEntry.objects.filter(
            kind__in=[LogKind.BLOCK, LogKind.UNBLOCK], target=self.kwargs["username"]
        ).select_related("actor")[:BLOCK_ENTRIES]
        return super().get_context_data(block_log=blocks, **kwargs)
