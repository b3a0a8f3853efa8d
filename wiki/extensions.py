"""The wiki's one extension point: other apps draw the infobox beside a page's body.

`settings.WIKI_INFOBOX_PROVIDERS` lists dotted paths of callables taking a Page and
returning the infobox HTML for it, or an empty string when the page is not theirs.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


@cache
def _providers():
    return tuple(
        import_string(path) for path in getattr(settings, "WIKI_INFOBOX_PROVIDERS", ())
    )


def infobox_for(page):
    """Return the first infobox a provider draws for `page`, or an empty string."""
    for provider in _providers():
        html = provider(page)
        if html:
            return html
    return ""
