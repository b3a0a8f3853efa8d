"""Maintenance pages: what the wiki lacks, and what nothing leads to."""

import random

from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from ..models import Link, Page
from .history import HISTORY_PAGE_SIZE


def maintenance(request):
    """The maintenance pages together."""
    return render(request, "wiki/maintenance.html")


class MaintenanceListView(ListView):
    """One maintenance list of pages (or of wanted titles), paginated."""

    paginate_by = HISTORY_PAGE_SIZE
    template_name = "wiki/maintenance_list.html"
    heading = ""
    explanation = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading, explanation=self.explanation, **kwargs
        )


class WantedPagesView(MaintenanceListView):
    heading = _("Wanted pages")
    explanation = _(
        "Titles that pages link to but nobody has written, most wanted first."
    )
    template_name = "wiki/wanted_pages.html"

    def get_queryset(self):
        live = Page.objects.live().values("slug")
        return (
            Link.objects.filter(source__in=Page.objects.live())
            .exclude(target_slug__in=live)
            .values("target_slug")
            .annotate(wanting=Count("source"))
            .order_by("-wanting", "target_slug")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        wanted = [row["target_slug"] for row in context["object_list"]]
        sources = {}
        links = Link.objects.filter(
            target_slug__in=wanted, source__in=Page.objects.live()
        ).select_related("source")
        for link in links.only(
            "target_slug", "source__title", "source__slug", "source__namespace"
        ):
            sources.setdefault(link.target_slug, []).append(link.source)
        context["rows"] = [
            (row, sources.get(row["target_slug"], [])) for row in context["object_list"]
        ]
        return context


class OrphanedPagesView(MaintenanceListView):
    heading = _("Orphaned pages")
    explanation = _("Pages no other page links to.")

    def get_queryset(self):
        linked = Link.objects.filter(source__in=Page.objects.live()).values(
            "target_slug"
        )
        return (
            Page.objects.live()
            .articles()
            .exclude(slug__in=linked)
            .only("title", "slug", "namespace", "redirect_to")
        )


class DeadEndPagesView(MaintenanceListView):
    heading = _("Dead-end pages")
    explanation = _("Pages that link to no other page.")

    def get_queryset(self):
        return (
            Page.objects.live()
            .articles()
            .filter(redirect_to="", outgoing_links__isnull=True)
            .only("title", "slug", "namespace", "redirect_to")
        )


class UncategorisedPagesView(MaintenanceListView):
    heading = _("Uncategorised pages")
    explanation = _("Pages in no category.")

    def get_queryset(self):
        return (
            Page.objects.live()
            .articles()
            .filter(redirect_to="", categories__isnull=True)
            .only("title", "slug", "namespace", "redirect_to")
        )


class DoubleRedirectsView(MaintenanceListView):
    heading = _("Double redirects")
    explanation = _(
        "Redirects to pages that redirect on: readers stop at the second page. "
        "Point each straight at the final page."
    )

    def get_queryset(self):
        redirects = Page.objects.live().exclude(redirect_to="")
        return redirects.filter(redirect_to__in=redirects.values("slug")).only(
            "title", "slug", "namespace", "redirect_to"
        )


def random_page(request):
    """A page picked at random among the articles, or the page list if none."""
    articles = Page.objects.live().articles().order_by("pk").only("slug", "namespace")
    count = articles.count()
    if not count:
        return redirect("wiki:page_list")
    return redirect(articles[random.randrange(count)])
