from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy

from .i18n import language_links

SITE_DESCRIPTION = gettext_lazy(
    "A fan wiki about Miracle in Cell No. 7 (2013) and its remakes, written by its "
    "readers."
)


def site(request):
    """The site's name, which every page shows and no template writes itself, and the
    description of a page that has none of its own (a list, a search)."""
    return {"site_name": settings.WIKI_SITE_NAME, "site_description": SITE_DESCRIPTION}


def languages(request):
    """The language menu's links to the page being read in every interface language;
    worked out only by a page that draws the menu."""
    return {"language_links": SimpleLazyObject(lambda: language_links(request))}


APPEARANCE = {
    # The first theme is the default: the reader's system decides, script or none.
    "themes": (
        ("auto", gettext_lazy("Follow the system")),
        ("light", gettext_lazy("Light")),
        ("dark", gettext_lazy("Dark")),
    ),
    "text_sizes": (
        ("small", gettext_lazy("Small")),
        ("standard", gettext_lazy("Standard")),
        ("large", gettext_lazy("Large")),
    ),
}


def appearance(request):
    """The Appearance menu's choices. They are the same for every reader: the choice a
    reader makes is kept in their browser and applied there (static/js/appearance.js),
    so that a kept page stays one page for everyone."""
    return {"appearance": APPEARANCE}


# Pages that search engines should not list (robots.txt keeps crawlers out of them too,
# wiki.views.crawlers): editing, history, searches, lists for maintenance, accounts.
UNINDEXED_VIEWS = {
    "login",
    "signup",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "account_settings",
    *(
        f"wiki:{name}"
        for name in (
            "edit",
            "history",
            "revision",
            "diff",
            "undo",
            "translate",
            "move",
            "protect",
            "delete",
            "what_links_here",
            "search",
            "maintenance",
            "outdated_translations",
            "wanted_pages",
            "orphaned_pages",
            "dead_end_pages",
            "uncategorised_pages",
            "double_redirects",
            "recent_changes",
            "new_pages",
            "log",
            "watchlist",
            "watchlist_edit",
            "notifications",
            "block",
            "blocks",
            "deleted",
            "protected",
            "contributions",
            "file_upload",
        )
    ),
    "films:data_history",
}


def robots(request):
    """Whether the page asks search engines not to list it: decided by the view that
    answers, the same for every reader of an address."""
    match = request.resolver_match
    return {"noindex": bool(match and match.view_name in UNINDEXED_VIEWS)}
