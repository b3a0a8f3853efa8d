"""Writes of talk pages: a new topic, a reply to one.

A post is added to the talk page's current text under the page's lock, not merged
from the text the writer saw: two posts at the same place always both land.
"""

from django.db import IntegrityError, transaction

from .. import talk
from ..models import NotificationReason
from ..namespaces import talk_title
from .notifying import notify_addressed
from .revisions import locked_page, page_create, revision_create

ATTEMPTS = 3  # two people opening the same talk page at once: the loser retries


class NoSuchTopic(Exception):
    """The topic replied to is not on the talk page (any more)."""


def _post(*, page, author, change):
    """Save `change(text)` -> (new text, summary, {username: reason}) on `page`'s
    talk page, created if need be; tell those users once it commits. Return the new
    revision."""
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                talk_page = locked_page(page.talk_slug)
                body = talk_page.current_revision.body if talk_page else ""
                new_body, summary, reasons = change(body)
                if talk_page is None:
                    revision = page_create(
                        slug=page.talk_slug,
                        title=talk_title(page.title),
                        body=new_body,
                        author=author,
                        summary=summary,
                    )
                else:
                    revision = revision_create(
                        page=talk_page, body=new_body, author=author, summary=summary
                    )
                notify_addressed(revision=revision, reasons=reasons)
                return revision
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _mentions(message):
    return dict.fromkeys(talk.mentioned(message), NotificationReason.MENTION)


def talk_topic_add(*, page, subject, message, author):
    """Start a topic on `page`'s talk page, signed by `author`; return the revision."""
    signed = talk.signature(author)

    def change(body):
        new_body = talk.with_topic(
            body, subject=subject, message=message, signed=signed
        )
        return new_body, f"New topic: {subject}", _mentions(message)

    return _post(page=page, author=author, change=change)


def talk_reply_add(*, page, topic, message, author):
    """Reply to topic number `topic` of `page`'s talk page; NoSuchTopic if gone."""
    signed = talk.signature(author)

    def change(body):
        replied = talk.with_reply(body, topic=topic, message=message, signed=signed)
        if replied is None:
            raise NoSuchTopic(topic)
        reasons = _mentions(message)
        starter = talk.topic_starter(body, topic)
        if starter:
            reasons[starter] = NotificationReason.REPLY
        return replied, f"Reply to: {talk.topics(body)[topic]}", reasons

    return _post(page=page, author=author, change=change)
