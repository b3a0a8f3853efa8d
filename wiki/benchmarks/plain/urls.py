"""The floor's addresses: the article through a base template, a fixed response, and
the few addresses its template links to."""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

SECTIONS = [
    {"slug": slug, "name": slug.title(), "url": f"/{slug}/"}
    for slug in ("films", "characters", "actors", "remakes", "categories", "about")
]


@cache
def _article():
    html = Path(os.environ["BENCH_ARTICLE_HTML"]).read_text()
    title = os.environ.get("BENCH_ARTICLE_TITLE", "Article")
    return {"title": title, "html": html}


def article(request):
    context = {**_article(), "sections": SECTIONS, "current": "films"}
    return render(request, "plain/article.html", context)


def fixed(request):
    return HttpResponse(b"A fixed response.\n", content_type="text/plain")


urlpatterns = [
    path("", fixed, name="home"),
    path("article/", article, name="article"),
    path("fixed/", fixed, name="fixed"),
    path("search/", fixed, name="search"),
    path("<slug:slug>/", fixed, name="section"),
]
