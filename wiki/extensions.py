"""The wiki's extension points, through which other apps reach it.

`settings.WIKI_INFOBOX_PROVIDERS` lists dotted paths of callables taking a Page and
returning the infobox HTML for it, or an empty string when the page is not theirs.
`settings.WIKI_PAGE_GUARDS` lists callables taking a Page and an action ("delete" or
"move") and returning why the page may not undergo it, or an empty string.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


@cache
def _providers():
    return tuple(
        import_string(path) for path in getattr(settings, "WIKI_INFOBOX_PROVIDERS", ())
    )


@cache
def _page_guards():
    return tuple(
        import_string(path) for path in getattr(settings, "WIKI_PAGE_GUARDS", ())
    )


def refusal(page, action):
    """Why `page` may not be deleted or moved (`action`), as the first guard that
    objects says; or ""."""
    for guard in _page_guards():
        reason = guard(page, action)
        if reason:
            return reason
    return ""


def infobox_for(page):
    """Return the first infobox a provider draws for `page`, or an empty string."""
    for provider in _providers():
        html = provider(page)
        if html:
            return html
    return ""
