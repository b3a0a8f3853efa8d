"""Full-text search over every page."""

from http import HTTPStatus
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language

from ..forms import SearchForm
from ..limits import refusal_past_limit
from ..metadata import absolute_url
from ..models import Page, PageCategory
from ..namespaces import slug_for_title
from ..page_cache import cached_for_readers, of_changes
from ..search import SearchResults

RESULTS_PER_PAGE = 20


def _unanswered(request, form, status):
    """The search page with the query in its box and no results."""
    context = {
        "q": form.data.get("q", ""),
        "form": form,
        "unanswered": True,
        "hide_header_search": True,
    }
    return render(request, "wiki/search.html", context, status=status)


def search(request):
    """Ranked results with highlighted snippets; an exact title is offered first."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return _unanswered(request, form, HTTPStatus.BAD_REQUEST)
    text = form.cleaned_data["q"]
    if text:
        refused = refusal_past_limit(
            request, "search", lambda status: _unanswered(request, form, status)
        )
        if refused:
            return refused
    discussions = form.cleaned_data["discussions"]
    language = form.cleaned_data["language"]
    words, category = form.cleaned_data["words"], form.cleaned_data["category"]
    category_slug = slug_for_title(category) if category else ""
    unknown_category = bool(
        category
        and not PageCategory.objects.filter(category_slug=category_slug).exists()
    )
    results = SearchResults(
        "" if unknown_category else words,
        include_discussions=discussions,
        category=category_slug,
        language=language,
        preferred=get_language(),
    )
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    slug = slug_for_title(words) if words else ""
    context = {
        "q": text,
        "form": form,
        "hide_header_search": True,  # the page's own box is the search box
        "query": results.query,
        "results": results,
        "page_obj": page_obj,
        "exact_page": Page.objects.filter(slug=slug)
        .only("title", "slug", "namespace")
        .first()
        if slug
        else None,
        "new_page_slug": slug,
        "discussions": discussions,
        "language": language,
        "search_languages": settings.LANGUAGES,
        "category": category,
        "category_slug": category_slug,
        "unknown_category": unknown_category,
        "query_prefix": urlencode(
            {
                "q": text,
                **({"discussions": 1} if discussions else {}),
                **({"language": language} if language else {}),
            }
        )
        if text
        else "",
    }
    return render(request, "wiki/search.html", context)


SUGGESTIONS = 10
SUGGESTION_QUERY_MAX = 200


def _suggestions_refused(request, status):
    return JsonResponse({"detail": HTTPStatus(status).phrase}, status=status)


@cached_for_readers(tags=of_changes, params=("q",))
def search_suggest(request):
    """Titles that begin with what was typed, redirects among them, in the OpenSearch
    suggestions format: [query, titles, descriptions, addresses]. One query on the
    slugs' unique index, whatever the wiki's size."""
    text = request.GET.get("q", "")
    if len(text) > SUGGESTION_QUERY_MAX or not SearchForm({"q": text}).is_valid():
        return _suggestions_refused(request, HTTPStatus.BAD_REQUEST)
    refused = refusal_past_limit(
        request, "search", lambda status: _suggestions_refused(request, status)
    )
    if refused:
        return refused
    prefix = slug_for_title(text) if text.strip() else ""
    pages = (
        list(
            Page.objects.live()
            .articles()
            .filter(slug__gte=prefix, slug__lt=prefix + "\U0010ffff")
            .only("title", "slug", "namespace")
            .order_by("slug")[:SUGGESTIONS]
        )
        if prefix
        else []
    )
    return JsonResponse(
        [
            text,
            [page.title for page in pages],
            ["" for _page in pages],
            [absolute_url(page.get_absolute_url()) for page in pages],
        ],
        safe=False,
        content_type="application/x-suggestions+json",
    )
