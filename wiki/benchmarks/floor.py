"""The floor a page view is measured against.

The least Django can do to show the bench's article: the same stored HTML through the
same base template and the same middleware, reading no database once it has the HTML.
"""

from functools import cache

from django.shortcuts import render

from wiki.models import Page

ARTICLE_SLUG = "bench-article"


@cache
def _article():
    page = Page.objects.live().with_current_revision().get(slug=ARTICLE_SLUG)
    return page.title, page.current_revision.html


def floor(request):
    title, html = _article()
    return render(request, "bench/floor.html", {"title": title, "html": html})
