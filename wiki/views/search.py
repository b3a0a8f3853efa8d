"""Full-text search over every page."""

from http import HTTPStatus
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language

from ..forms import SearchForm
from ..limits import refusal_past_limit
from ..models import Page, PageCategory
from ..namespaces import slug_for_title
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
