"""What a page says of itself to other sites: Open Graph and Twitter card fields, and
linked data (JSON-LD) written so that no text in it can end the script element.

Addresses are absolute from WIKI_BASE_URL, never from the request's Host header: a page
kept in the page cache is served to every reader alike.
"""

import html
import json
import re

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

LEAD_WORDS = 40
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
# As Django's json_script: none of these can then close the element or open a comment.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute_url(path):
    return settings.WIKI_BASE_URL.rstrip("/") + path


def lead_of(rendered):
    """The first paragraph of a rendered text, as plain words, cut at LEAD_WORDS."""
    for paragraph in _FIRST_PARAGRAPH.findall(rendered):
        text = " ".join(html.unescape(strip_tags(paragraph)).split())
        if text:
            return Truncator(text).words(LEAD_WORDS)
    return ""


def page_meta(page, revision, kind="article"):
    """Open Graph fields of a page (templates/includes/meta.html draws them)."""
    return {
        "title": page.title,
        "description": lead_of(revision.html),
        "type": kind,
        "url": absolute_url(page.get_absolute_url()),
        "image": absolute_url(reverse("wiki:share_card", args=[page.slug])),
    }


def json_ld(data):
    """A <script type="application/ld+json"> element holding `data`."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    escaped = text.translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{escaped}</script>')
