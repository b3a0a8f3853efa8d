"""The wiki's one extension point: an app plugs in by registering a WikiExtension.

An extension is an object with named hooks. An app registers one, once, in its
AppConfig.ready() (`extensions.register(FilmsExtension())`); the wiki calls the hooks
of every registered extension through this module only, which keeps what a hook says
may be kept. Every hook has a default that adds nothing, so an extension defines only
those it needs:

- `page_parts(page)` -> PageParts: what a page view draws beside the page's text, its
  infobox (HTML) and its linked data (a schema.org dict for JSON-LD), and the key
  facts its share card shows ((label, value) pairs, wiki.cards). Kept in the page
  cache, by page and interface language, until any data changes
  (page_cache.EVERYTHING), unless the extension sets `keeps_page_parts = False`: one
  cache round trip per extension per page view.
- `categories(page)` -> iterable of (name, sort key or ""): categories the app puts
  the page in without a word in its text. Called as the text is rendered, on every
  write of the page and every re-render; stored with the rendered text.
- `refusal(page, action)` -> str: why the page may not undergo `action` ("delete" or
  "move"), or "". Called inside the write's transaction, so it must read the
  database, not a cache.

`remember(key, compute)` is the extensions' own memo: a value kept until any data
changes, for what hooks look up often (which pages are an app's at all).
"""

from dataclasses import dataclass

from django.utils.translation import get_language

from . import page_cache


@dataclass(frozen=True)
class PageParts:
    """What an extension draws on a page view; empty by default."""

    infobox: str = ""
    linked_data: dict | None = None
    facts: tuple = ()


class WikiExtension:
    """What an app adds to the wiki; override the hooks it needs."""

    keeps_page_parts = True

    @property
    def name(self):
        return f"{type(self).__module__}.{type(self).__qualname__}"

    def page_parts(self, page):
        return PageParts()

    def categories(self, page):
        return ()

    def refusal(self, page, action):
        return ""


_registered = []


def register(extension):
    """Plug `extension` into the wiki; a second one of the same class is ignored."""
    if not any(type(known) is type(extension) for known in _registered):
        _registered.append(extension)
    return extension


def remember(key, compute):
    """`compute()`'s value, kept under `key` until any data changes."""
    return page_cache.remember(f"extension:{key}", compute)


def _parts_of(extension, page):
    if not extension.keeps_page_parts:
        return extension.page_parts(page)
    return remember(
        f"{extension.name}:page-parts:{get_language()}:{page.slug}",
        lambda: extension.page_parts(page),
    )


def page_parts_for(page):
    """The infobox, linked data and facts the extensions draw for `page` (the first of
    each that one gives)."""
    infobox, linked_data, facts = "", None, ()
    for extension in _registered:
        parts = _parts_of(extension, page)
        infobox = infobox or parts.infobox
        linked_data = linked_data or parts.linked_data
        facts = facts or parts.facts
    return PageParts(infobox, linked_data, facts)


def categories_given_to(page):
    """(name, sort key) pairs the extensions put `page` in, in their order."""
    return [pair for extension in _registered for pair in extension.categories(page)]


def refusal(page, action):
    """Why `page` may not be deleted or moved (`action`), as the first extension that
    objects says; or ""."""
    for extension in _registered:
        reason = extension.refusal(page, action)
        if reason:
            return reason
    return ""
