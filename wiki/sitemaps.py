"""What search engines are told of the wiki: its sitemap (django.contrib.sitemaps) of
every live article and category, each with the time of its current revision.

Addresses are absolute from WIKI_BASE_URL, never from the request's Host header, as
everything a kept page says of itself (wiki.metadata).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Page, PageCategory


class WikiSitemap(Sitemap):
    """A section of the sitemap, its addresses on the wiki's own base URL."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.WIKI_BASE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.WIKI_BASE_URL).netloc


class ArticleSitemap(WikiSitemap):
    """Every live article that is not a redirect: the film data's subjects' pages among
    them, since every subject has one."""

    def items(self):
        return (
            Page.objects.live()
            .articles()
            .filter(redirect_to="")
            .select_related("current_revision")
            .only("slug", "namespace", "current_revision__created_at")
            .order_by("pk")
        )

    def lastmod(self, page):
        return page.current_revision.created_at

    def get_latest_lastmod(self):
        """For the index, in one query (Django's default reads every item)."""
        latest = self.items().aggregate(latest=Max("current_revision__created_at"))
        return latest["latest"]


class CategorySitemap(WikiSitemap):
    """Every category that has a live member, dated by its latest member's change."""

    def items(self):
        return (
            PageCategory.objects.filter(page__in=Page.objects.live())
            .values("category_slug")
            .annotate(changed_at=Max("page__current_revision__created_at"))
            .order_by("category_slug")
        )

    def location(self, category):
        return reverse("wiki:category", args=[category["category_slug"]])

    def lastmod(self, category):
        return category["changed_at"]

    def get_latest_lastmod(self):
        """For the index, in one query (Django's default reads every item)."""
        members = PageCategory.objects.filter(page__in=Page.objects.live())
        latest = members.aggregate(latest=Max("page__current_revision__created_at"))
        return latest["latest"]


SITEMAPS = {"articles": ArticleSitemap, "categories": CategorySitemap}
