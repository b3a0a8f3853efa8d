"""An Atom feed of recent changes."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .forms import ChangesFilterForm
from .selectors import filter_changes, recent_revisions
from .tags import tag_label
from .text import without_unstorable

FEED_SIZE = 50


class RecentChangesFeed(Feed):
    feed_type = Atom1Feed
    link = reverse_lazy("wiki:recent_changes")
    subtitle = _("The latest edits to every page of the wiki.")

    def title(self):
        return _("%(site)s: recent changes") % {"site": settings.WIKI_SITE_NAME}

    def get_object(self, request):
        """The filters of the query string, as recent changes takes them."""
        return ChangesFilterForm(request.GET).filters(request.user)

    def items(self, filters):
        return filter_changes(recent_revisions(), **filters)[:FEED_SIZE]

    # Forms refuse what XML 1.0 cannot hold, but a feed must not fail for everyone
    # over one row that got in another way: such characters are dropped here.
    def item_title(self, item):
        title = (
            _("%(title)s (revision %(number)d, minor edit)")
            if item.minor
            else _("%(title)s (revision %(number)d)")
        )
        return without_unstorable(
            title % {"title": item.page.title, "number": item.number}
        )

    def item_description(self, item):
        summary = without_unstorable(item.summary) or _("No summary given.")
        tags = [str(tag_label(tag.name)) for tag in item.tags.all()]
        if not tags:
            return summary
        return _("%(summary)s (Tags: %(tags)s)") % {
            "summary": summary,
            "tags": ", ".join(tags),
        }

    def item_categories(self, item):
        """Its change tags, as the feed's categories."""
        return [tag.name for tag in item.tags.all()] + (["minor"] if item.minor else [])

    def item_link(self, item):
        return item.get_diff_url() or item.get_absolute_url()

    def item_guid(self, item):
        return f"revision-{item.pk}"

    item_guid_is_permalink = False

    def item_author_name(self, item):
        return without_unstorable(item.author.username) if item.author else "the wiki"

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.created_at
