"""The site's addresses and the bench's floor (wiki.settings.bench)."""

from django.urls import include, path

from .floor import floor

urlpatterns = [
    path("bench/floor/", floor, name="bench_floor"),
    path("", include("wiki.root_urls")),
]
