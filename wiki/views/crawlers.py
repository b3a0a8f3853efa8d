"""What the wiki tells search engines and browsers about itself: the sitemap, the
crawlers' rules and the OpenSearch description. Each is the same for everyone and kept
in the page cache until the wiki changes."""

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from ..metadata import absolute_url
from ..page_cache import PAGE_NUMBER, cached_for_readers, of_changes
from ..sitemaps import SITEMAPS

# What crawlers are kept out of: the editing, the history, the searches and the lists
# for maintenance, in every interface language (`/ko/wiki/…` as `/wiki/…`). Those pages
# say `noindex` themselves too (wiki.context_processors.robots).
UNCRAWLED = [
    "/wiki/*/edit/",
    "/wiki/*/history/",
    "/wiki/*/revisions/",
    "/wiki/*/diff/",
    "/wiki/*/undo/",
    "/wiki/*/translate/",
    "/wiki/*/move/",
    "/wiki/*/protect/",
    "/wiki/*/delete/",
    "/wiki/*/data-history/",
    "/wiki/*/links-here/",
    "/search/",
    "/maintenance/",
    "/recent-changes/",
    "/new-pages/",
    "/log/",
    "/accounts/",
    "/watchlist/",
    "/notifications/",
    "/block/",
    "/deleted/",
    "/admin/",
    "/api/",
]


@cached_for_readers(tags=of_changes, params=(("p", PAGE_NUMBER),))
def sitemap(request, section=None):
    """Every live article and category; past one sitemap's 50,000 addresses, an index
    of sections, each split into numbered files (`?p=2`)."""
    if section is not None and section not in SITEMAPS:
        raise Http404("No such sitemap.")
    if section is not None:
        return django_sitemap(request, {section: SITEMAPS[section]})
    # Built once: each counts its items the first time it is asked for its pages.
    sections = {name: kind() for name, kind in SITEMAPS.items()}
    if any(each.paginator.num_pages > 1 for each in sections.values()):
        return _sitemap_index(request, sections)
    return django_sitemap(request, sections)


def _sitemap_index(request, sections):
    items = []
    for name, section in sections.items():
        location = absolute_url(reverse("sitemap_section", args=[name]))
        last = section.get_latest_lastmod()
        for number in section.paginator.page_range:
            suffix = f"?p={number}" if number > 1 else ""
            items.append(SitemapIndexItem(location + suffix, last))
    return render(
        request,
        "sitemap_index.xml",
        {"sitemaps": items},
        content_type="application/xml",
    )


@cached_for_readers()
def robots_txt(request):
    rules = [
        *UNCRAWLED,
        *(
            f"/{code}{path}"
            for code, _name in settings.LANGUAGES
            if code != settings.LANGUAGE_CODE
            for path in UNCRAWLED
            if not path.startswith(("/api/", "/admin/"))
        ),
    ]
    context = {"rules": rules, "sitemap": absolute_url(reverse("sitemap"))}
    return render(request, "robots.txt", context, content_type="text/plain")


@cached_for_readers()
def opensearch(request):
    """The description that lets a browser add the wiki as a search engine."""
    context = {
        "search": absolute_url(reverse("wiki:search")),
        "suggest": absolute_url(reverse("wiki:search_suggest")),
        "icon": absolute_url(settings.STATIC_URL + "favicon.svg"),
        "home": absolute_url("/"),
    }
    return render(
        request,
        "opensearch.xml",
        context,
        content_type="application/opensearchdescription+xml",
    )
