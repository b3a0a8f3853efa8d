"""Redirect pages: a body that is `#REDIRECT [[Target]]` sends readers to Target."""

import re

from .namespaces import slug_for_title

REDIRECT = re.compile(
    r"\A\s*#REDIRECT\s*\[\[(?P<title>[^\]|\n]+)(?:\|[^\]\n]*)?\]\]", re.I
)


def redirect_target(body):
    """The slug a body redirects to, or "" when it is no redirect."""
    match = REDIRECT.match(body)
    return slug_for_title(match.group("title")) if match else ""
