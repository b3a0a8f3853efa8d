"""The site's addresses and the bench's floor (wiki.settings.bench)."""

from django.urls import path

from wiki import root_urls

from .floor import floor

handler400 = root_urls.handler400
handler404 = root_urls.handler404
handler500 = root_urls.handler500

urlpatterns = [
    path("bench/floor/", floor, name="bench_floor"),
    *root_urls.urlpatterns,
]
