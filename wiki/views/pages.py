"""Reading the wiki: a page, every page, and the pages that link to one."""

from http import HTTPStatus

from django.shortcuts import redirect, render
from django.views.generic import ListView

from ..extensions import infobox_for
from ..models import Page, is_talk_slug, user_page_owner
from .talk import talk_page


def page_detail(request, slug):
    """Show a page's current revision, or a 404 that offers to create it."""
    if is_talk_slug(slug):
        return talk_page(request, slug)
    owner = user_page_owner(slug)
    if owner is not None:
        return redirect("wiki:user", username=owner)
    page = Page.objects.live().with_current_revision().filter(slug=slug).first()
    if page is None:
        return render(
            request,
            "wiki/page_missing.html",
            {"slug": slug},
            status=HTTPStatus.NOT_FOUND,
        )
    context = {
        "page": page,
        "revision": page.current_revision,
        "infobox": infobox_for(page),
    }
    return render(request, "wiki/page_detail.html", context)


class PageListView(ListView):
    """Every page, alphabetically."""

    queryset = Page.objects.live().articles().only("title", "slug")
    paginate_by = 100
    template_name = "wiki/page_list.html"


class WhatLinksHereView(ListView):
    """The pages whose current text links to this slug (which may have no page yet)."""

    paginate_by = 100
    template_name = "wiki/what_links_here.html"

    def get_queryset(self):
        return Page.objects.filter(
            outgoing_links__target_slug=self.kwargs["slug"]
        ).only("title", "slug")

    def get_context_data(self, **kwargs):
        target = Page.objects.filter(slug=self.kwargs["slug"]).first()
        return super().get_context_data(
            slug=self.kwargs["slug"], target=target, **kwargs
        )
