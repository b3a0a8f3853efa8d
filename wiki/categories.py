"""Which categories a page is in, and the list of them drawn under its text.

A page is in the categories its text names (`[[Category:Name|sort key]]`) and in any
an app's extension gives it (WikiExtension.categories, see wiki/extensions.py). The
list is stored with the rendered text, so a page view costs no query for it.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_noop

from .extensions import categories_given_to
from .i18n import gettext_in
from .namespaces import slug_for_title


def categories_of(page, named):
    """`named` (slug: (name, sort key)) and the apps' categories for `page`."""
    categories = dict(named)
    for name, sort_key in categories_given_to(page):
        slug = slug_for_title(name)
        if slug:
            categories.setdefault(slug, (name, sort_key))
    return categories


def category_links(categories, *, language=None):
    """The `Categories: A · B` line drawn under a page's text ("" for none), its
    label in `language`, the page's (the site's by default)."""
    if not categories:
        return ""
    links = format_html_join(
        " · ",
        '<a href="{}">{}</a>',
        (
            (reverse("wiki:category", kwargs={"slug": slug}), name)
            for slug, (name, _) in sorted(categories.items(), key=lambda i: i[1][0])
        ),
    )
    label = gettext_in(language or settings.LANGUAGE_CODE, gettext_noop("Categories:"))
    return format_html('<div class="catlinks">{} {}</div>', label, links)
