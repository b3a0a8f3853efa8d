"""The wiki's extension points, through which other apps reach it.

`settings.WIKI_INFOBOX_PROVIDERS` lists dotted paths of callables taking a Page and
returning the infobox HTML for it, or an empty string when the page is not theirs.
`settings.WIKI_PAGE_GUARDS` lists callables taking a Page and an action ("delete" or
"move") and returning why the page may not undergo it, or an empty string.
`settings.WIKI_LINKED_DATA_PROVIDERS` lists callables taking a Page and returning the
schema.org description of what it is about, as a dict for JSON-LD, or None.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


@cache
def provided_by(setting):
    """The callables an extension-point setting names, imported once."""
    return tuple(import_string(path) for path in getattr(settings, setting, ()))


def refusal(page, action):
    """Why `page` may not be deleted or moved (`action`), as the first guard that
    objects says; or ""."""
    for guard in provided_by("WIKI_PAGE_GUARDS"):
        reason = guard(page, action)
        if reason:
            return reason
    return ""


def infobox_for(page):
    """Return the first infobox a provider draws for `page`, or an empty string."""
    for provider in provided_by("WIKI_INFOBOX_PROVIDERS"):
        html = provider(page)
        if html:
            return html
    return ""


def linked_data_for(page):
    """Return the first schema.org description a provider gives for `page`, or None."""
    for provider in provided_by("WIKI_LINKED_DATA_PROVIDERS"):
        data = provider(page)
        if data:
            return data
    return None
