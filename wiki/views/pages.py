"""Reading the wiki: a page, every page, and the pages that link to one."""

import re
from http import HTTPStatus
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.views.generic import ListView

from .. import cards
from ..extensions import page_parts_for
from ..markup import split_lead
from ..metadata import page_meta
from ..models import Page
from ..page_cache import cached_for_readers, of_changes, page_tag
from ..sections import with_edit_links
from ..translations import behind, default_of, group_of

# The query parameter that tells a page which redirect the reader came through.
REDIRECTED_FROM = "redirectedfrom"


def _shown_pages(request, slug):
    """A page's view shows that page, and the redirect the reader came through."""
    arrived_from = request.GET.get(REDIRECTED_FROM)
    return [page_tag(slug), *([page_tag(arrived_from)] if arrived_from else [])]


@cached_for_readers(
    tags=_shown_pages, params=(("redirect", re.compile("no")), REDIRECTED_FROM)
)
def page_detail(request, slug):
    """Show an article's current revision, or a 404 that offers to create it."""
    page = Page.objects.live().for_reading().at(slug)
    if page is None:
        return render(
            request,
            "wiki/page_missing.html",
            {"slug": slug, "noindex": True},
            status=HTTPStatus.NOT_FOUND,
        )
    arrived_from = request.GET.get(REDIRECTED_FROM, "")
    if page.redirect_to and request.GET.get("redirect") != "no" and not arrived_from:
        target = Page.objects.live().filter(slug=page.redirect_to).first()
        if target is not None and target.pk != page.pk:
            query = urlencode({REDIRECTED_FROM: page.slug})
            return redirect(f"{target.get_absolute_url()}?{query}")
    parts = page_parts_for(page)
    group = group_of(page)
    context = {
        "page": page,
        "translations": [t for t in group if t.page.pk != page.pk],
        "alternates": group,
        "default_alternate": default_of(group),
        "behind": behind(page),
        "revision": page.current_revision,
        "infobox": parts.infobox,
        "text": _text_around_infobox(
            with_edit_links(page.current_revision.html, page.slug), parts.infobox
        ),
        "meta": page_meta(page, page.current_revision),
        "linked_data": parts.linked_data,
        "redirected_from": _redirect_source(arrived_from, page),
        "redirect_target": _redirect_target(page),
    }
    response = render(request, "wiki/page_detail.html", context)
    if _changed_nothing(request, context):
        # The same page as without the parameter: no cache may keep another copy.
        add_never_cache_headers(response)
    return response


@cached_for_readers(tags=_shown_pages)
def share_card(request, slug):
    """The picture shown where a link to the page is shared (its og:image)."""
    page = Page.objects.live().only("title", "slug", "namespace").at(slug)
    if page is None:
        raise Http404("No such page.")
    png = cards.share_card(
        title=page.title,
        site_name=settings.WIKI_SITE_NAME,
        facts=page_parts_for(page).facts,
    )
    return HttpResponse(png, content_type="image/png")


@cached_for_readers()
def site_card(request):
    """The share card of a page that has none of its own: lists, searches, home."""
    png = cards.share_card(title=settings.WIKI_SITE_NAME, site_name="")
    return HttpResponse(png, content_type="image/png")


def _text_around_infobox(html, infobox):
    """The page's text as the lead and the rest, the infobox between them; a page
    without an infobox is all one."""
    return split_lead(html) if infobox else (html, "")


def _changed_nothing(request, context):
    """Whether a query parameter was given that made no difference to the page."""
    return bool(
        (request.GET.get(REDIRECTED_FROM) and context["redirected_from"] is None)
        or ("redirect" in request.GET and context["redirect_target"] is None)
    )


def _redirect_source(slug, page):
    """The redirect a reader came through, if it really points here.

    A redirect is followed once: a reader who arrives through one is shown the page
    even if it redirects on, so double redirects and loops end here.
    """
    if not slug:
        return None
    return Page.objects.filter(slug=slug, redirect_to=page.slug).first()


def _redirect_target(page):
    """For a redirect page shown as itself: where it points, existing or not."""
    if not page.redirect_to:
        return None
    target = Page.objects.live().filter(slug=page.redirect_to).first()
    return target or Page(slug=page.redirect_to, title=page.redirect_to)


@method_decorator(
    cached_for_readers(tags=of_changes, params=("page",)), name="dispatch"
)
class PageListView(ListView):
    """Every page, alphabetically."""

    queryset = Page.objects.live().articles().only("title", "slug", "namespace")
    paginate_by = 100
    template_name = "wiki/page_list.html"


class WhatLinksHereView(ListView):
    """The pages whose current text links to this slug (which may have no page yet)."""

    paginate_by = 100
    template_name = "wiki/what_links_here.html"

    def get_queryset(self):
        return Page.objects.filter(
            outgoing_links__target_slug=self.kwargs["slug"]
        ).only("title", "slug", "namespace")

    def get_context_data(self, **kwargs):
        target = Page.objects.filter(slug=self.kwargs["slug"]).first()
        return super().get_context_data(
            slug=self.kwargs["slug"], target=target, **kwargs
        )
