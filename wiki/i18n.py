"""The interface's languages and the addresses of one page in each.

Every address for people exists once per interface language: English unprefixed,
every other language under its code (/ko/wiki/<slug>/). The same page in another
language is therefore the same address with its prefix changed, which needs no URL
resolving: the language menu draws seven links on every page.
"""

import re
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.translation import (
    get_language,
    get_language_from_path,
    gettext,
    gettext_noop,
)


@dataclass(frozen=True)
class LanguageLink:
    """One interface language, and the address of the page being read in it, with
    the offer to read it there, in that language (static/js/language-suggestion.js
    makes it to a reader whose browser prefers that language)."""

    code: str
    name: str
    url: str
    current: bool
    suggestion: str = ""
    dismiss: str = ""


def unprefixed(path):
    """`path` without its language prefix: the English address."""
    code = get_language_from_path(path)
    if code and code != settings.LANGUAGE_CODE:
        return path[len(code) + 1 :]
    return path


def in_language(path, code):
    """The address of the page at `path` in the interface language `code`."""
    english = unprefixed(path)
    return english if code == settings.LANGUAGE_CODE else f"/{code}{english}"


def language_links(request):
    """The page being read, in every interface language, for the language menu."""
    path = request.get_full_path_info()
    prefix = get_script_prefix().rstrip("/")
    current = get_language()
    return [
        LanguageLink(
            code,
            name,
            prefix + in_language(path, code),
            code == current,
            *_offer_in(code, name),
        )
        for code, name in settings.LANGUAGES
    ]


def gettext_in(language, message):
    """`message` translated into `language`, whatever the reader's: for what is
    written in a page's own language, or offered in another."""
    with translation.override(language):
        return gettext(message)


@cache
def _offer_in(code, name):
    """The offer to read a page in `code`, and the word to put it away, in `code`."""
    offer = gettext_in(code, gettext_noop("Read this page in %(language)s"))
    offer %= {"language": name}
    return offer, gettext_in(code, gettext_noop("Dismiss"))


def localise_links(html):
    """Rendered page text (kept with its links' English addresses) with its links to
    the site in the reader's interface language, so that following one keeps it."""
    code = get_language()
    if not code or code == settings.LANGUAGE_CODE:
        return html
    prefix = get_script_prefix()
    return _site_link(prefix).sub(f'href="{prefix}{code}/', html)


@cache
def _site_link(prefix):
    """A link to the site's own pages (not its files or API) in kept HTML."""
    return re.compile(f'href="{re.escape(prefix)}(?!(?:media|static|api)/)')
