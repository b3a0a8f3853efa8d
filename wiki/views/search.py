"""Full-text search over every page."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render

from ..models import Page, slug_for_title
from ..search import SearchResults

RESULTS_PER_PAGE = 20


def search(request):
    """Ranked results with highlighted snippets; an exact title is offered first."""
    text = request.GET.get("q", "").strip()
    results = SearchResults(text)
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    slug = slug_for_title(text) if text else ""
    context = {
        "q": text,
        "query": results.query,
        "results": results,
        "page_obj": page_obj,
        "exact_page": Page.objects.filter(slug=slug).only("title", "slug").first()
        if slug
        else None,
        "new_page_slug": slug,
        "query_prefix": urlencode({"q": text}) if text else "",
    }
    return render(request, "wiki/search.html", context)
