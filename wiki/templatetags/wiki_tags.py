from functools import cache

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext

from .. import rights, sections, tags
from ..addresses import address
from ..i18n import localise_links
from ..metadata import absolute_url, json_ld
from ..page_cache import PAGE_NUMBER

register = template.Library()


@register.filter
def signed(number):
    """Show a size change as +12, −5 (a true minus sign) or 0."""
    if number > 0:
        return f"+{number:,}"
    if number < 0:
        return f"\u2212{-number:,}"
    return "0"


@register.simple_tag
def may(user, action, page=None):
    """Whether `user` may do `action` (to `page`) now, as wiki.rights says: the
    tools a user is shown are the actions they may take."""
    return rights.may(user, action, page)


@register.filter
def editable_by(page, user):
    """Whether `user` may edit `page` (wiki.rights)."""
    return rights.may(user, rights.Action.EDIT, page)


@register.filter
def tag_label(name):
    """A change tag's words (wiki.tags)."""
    return tags.tag_label(name)


@register.simple_tag
def watching(user, page):
    """Whether `user` watches `page` (no query for an anonymous reader)."""
    return user.is_authenticated and page.watches.filter(user=user).exists()


@register.simple_tag
def unread_notifications(user):
    """How many notifications `user` has not seen (no query for an anonymous one)."""
    if not user.is_authenticated:
        return 0
    return user.notifications.filter(read_at__isnull=True).count()


@register.simple_tag
def rendition(version, width):
    """The narrowest stored rendition of `version` at least `width` wide."""
    return version.rendition(width)


@register.simple_tag
def fixed_url(name):
    """The address of a view that takes no arguments, resolved once per process.

    The header names a dozen of them on every page; resolving each anew was a good
    part of drawing a page. Each interface language has addresses of its own.
    """
    return address(name)


@register.simple_tag
def fixed_static(path):
    """The address of a static file, looked up in the manifest once per process.

    The manifest is fixed for the life of a deploy; the base template's four lookups
    were a tenth of drawing a page.
    """
    return _fixed_static(path, get_script_prefix())


@cache
def _fixed_static(path, prefix):
    return static(path)


@register.simple_tag
def content_language():
    """The language the wiki's data and new pages are written in: what marks them
    (`lang`) on pages in another interface language."""
    return settings.LANGUAGE_CODE


@register.simple_tag
def author_link(author):
    """A revision's author as a link to their user page; the wiki for its own
    edits. A tag, so that a translated sentence can hold it (`as` a variable)."""
    if author is None:
        return format_html(
            '<span class="text-body-secondary">{}</span>', gettext("the wiki")
        )
    url = address("wiki:user", username=author.username)
    return format_html('<a href="{}">{}</a>', url, author.username)


@register.filter
def expiry(at):
    """When something lifts, in UTC and the reader's language; "indefinite" for
    never."""
    if at is None:
        return gettext("indefinite")
    return f"{date_format(localtime(at), 'DATETIME_FORMAT')} UTC"


@register.filter
def localised(html):
    """Rendered page text, safe already, with its links in the reader's language."""
    return mark_safe(localise_links(html))


@register.filter
def with_edit_links(html, page):
    """A page's current text with an [edit] link beside each section's heading."""
    return sections.with_edit_links(html, page.slug)


@register.filter
def summary_of(revision):
    """A revision's summary, its `/* Heading */` linked to that section."""
    return sections.summary_html(revision.summary, revision.page.get_absolute_url())


@register.filter
def as_json_ld(data):
    """Linked data as a JSON-LD script element that no text inside can close."""
    return json_ld(data) if data else ""


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The address search engines should list for this page: the one its view names,
    or its own path, with its page number past the first (and no other parameter)."""
    meta = context.get("meta") or {}
    if meta.get("url"):
        return meta["url"]
    request = context.get("request")
    if request is None:  # drawn outside a request (the benchmark's floor)
        return ""
    number = request.GET.get("page", "")
    listed = PAGE_NUMBER.fullmatch(number) and number != "1"
    return absolute_url(request.path + (f"?page={number}" if listed else ""))


@register.filter
def absolute(path):
    """The site's address of `path`, from WIKI_BASE_URL (never the request's host)."""
    return absolute_url(path)
