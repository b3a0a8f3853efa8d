"""The text of talk pages: topics are `## Subject` sections, posts end in a signature.

A talk page is a wiki page like any other; these functions only add to its Markdown,
the way a person editing it by hand would.
"""

import re
from datetime import UTC

from django.urls import reverse
from django.utils import timezone

TOPIC_HEADING = re.compile(r"^## +(?P<subject>.+?) *$", re.MULTILINE)
# A link to a user's page, as signatures write it and as anyone may: (/users/alice/).
USER_LINK = re.compile(r"\(/users/(?P<username>[\w.@+-]+)/\)")


def topics(body):
    """The subjects of the topics of a talk page's text, in order."""
    return [match.group("subject") for match in TOPIC_HEADING.finditer(body)]


def signature(user, when=None):
    """`— [alice](/users/alice/) 29 November 2026, 18:40 (UTC)`."""
    when = (when or timezone.now()).astimezone(UTC)
    link = reverse("wiki:user", kwargs={"username": user.username})
    return f"— [{user.username}]({link}) {when.day} {when:%B %Y, %H:%M} (UTC)"


def _plain(message):
    """A message that cannot open a topic of its own: no line starts a heading."""
    lines = message.strip().replace("\r\n", "\n").split("\n")
    return "\n".join(f"\\{line}" if line.startswith("#") else line for line in lines)


def with_topic(body, *, subject, message, signed):
    """`body` with a new topic at its end."""
    section = f"## {subject.strip()}\n\n{_plain(message)}\n\n{signed}\n"
    return f"{body.rstrip()}\n\n{section}" if body.strip() else section


def with_reply(body, *, topic, message, signed):
    """`body` with a reply, quoted as an indented block, at the end of topic number
    `topic` (0 for the first); None when there is no such topic."""
    headings = list(TOPIC_HEADING.finditer(body))
    if not 0 <= topic < len(headings):
        return None
    end = headings[topic + 1].start() if topic + 1 < len(headings) else len(body)
    quoted = "\n".join(
        f"> {line}".rstrip() for line in f"{_plain(message)}\n\n{signed}".split("\n")
    )
    section, rest = body[:end].rstrip(), body[end:]
    return f"{section}\n\n{quoted}\n" + (f"\n{rest}" if rest else "")


def mentioned(text):
    """The usernames whose user pages `text` links to."""
    return {match.group("username") for match in USER_LINK.finditer(text)}


def topic_starter(body, topic):
    """Who signed first in topic number `topic` of `body`; None when unsigned."""
    headings = list(TOPIC_HEADING.finditer(body))
    if not 0 <= topic < len(headings):
        return None
    end = headings[topic + 1].start() if topic + 1 < len(headings) else len(body)
    first = USER_LINK.search(body, headings[topic].end(), end)
    return first.group("username") if first else None
