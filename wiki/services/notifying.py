"""Telling watchers of a change: a notification each, and mail to those who want it.

It all happens in background jobs (wiki/jobs.py) that the save enqueues and a worker
runs once it has committed: a failure here is logged and retried, and never loses,
undoes or delays an edit.
"""

import logging
from datetime import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..jobs import daily, job
from ..metadata import absolute_url
from ..models import EmailFrequency, Notification, NotificationReason, Revision

logger = logging.getLogger("wiki.notifications")


def notify_watchers(*, revision):
    """Once the save of `revision` has committed, tell its page's watchers."""
    notify_watchers_of.enqueue(revision.pk)


def notify_addressed(*, revision, reasons):
    """Once `revision` has committed, tell the users named in `reasons` (username:
    NotificationReason) that it concerns them: a reply to their topic, a mention."""
    notify_addressed_of.enqueue(revision.pk, dict(reasons))


def _revision(revision_id):
    return Revision.objects.select_related("page", "author").get(pk=revision_id)


def _users():
    return get_user_model().objects.select_related("wiki_preferences")


@job()
def notify_watchers_of(revision_id):
    revision = _revision(revision_id)
    # A talk page's changes go to those who watch it or the page it talks of.
    watched = Q(watches__page_id=revision.page_id) | Q(
        watches__page__slug=revision.page.article_slug
    )
    watchers = _users().filter(watched).exclude(pk=revision.author_id).distinct()
    if revision.minor:
        watchers = watchers.exclude(wiki_preferences__notify_minor_edits=False)
    _deliver(revision, dict.fromkeys(watchers, NotificationReason.WATCHED))


@job()
def notify_addressed_of(revision_id, reasons):
    revision = _revision(revision_id)
    users = _users().filter(username__in=reasons).exclude(pk=revision.author_id)
    _deliver(revision, {user: reasons[user.username] for user in users})


def _deliver(revision, reasons):
    """Record a notification for each user of `reasons` (a later, more particular
    reason replaces "watched"), and mail those who want it at once and were not
    told of this revision yet."""
    if not reasons:
        return
    told = set(
        Notification.objects.filter(
            revision=revision, recipient__in=list(reasons)
        ).values_list("recipient_id", flat=True)
    )
    with transaction.atomic():
        Notification.objects.bulk_create(
            [
                Notification(recipient=user, revision=revision, reason=reason)
                for user, reason in reasons.items()
            ],
            ignore_conflicts=True,
        )
        for user, reason in reasons.items():
            if user.pk in told and reason != NotificationReason.WATCHED:
                Notification.objects.filter(revision=revision, recipient=user).update(
                    reason=reason
                )
    at_once = [u for u in reasons if u.pk not in told and _wants_mail_at_once(u)]
    if at_once:
        _mail_at_once(revision, at_once)


def _wants_mail_at_once(user):
    preferences = getattr(user, "wiki_preferences", None)
    return bool(
        user.email
        and preferences
        and preferences.email_notifications == EmailFrequency.IMMEDIATELY
    )


def mail_language(user):
    """The language of `user`'s mail: the interface language they chose, or the
    site's. Its links lead to the site in that language too."""
    preferences = getattr(user, "wiki_preferences", None)
    return (preferences and preferences.language) or settings.LANGUAGE_CODE


def _page_changed_mail(revision, language):
    """The subject and text of the mail about `revision`, in `language`."""
    with translation.override(language):
        context = {
            "revision": revision,
            "site_name": settings.WIKI_SITE_NAME,
            "page_url": absolute_url(revision.page.get_absolute_url()),
            "change_url": absolute_url(
                revision.get_diff_url() or revision.get_absolute_url()
            ),
        }
        subject = _("%(site)s: %(title)s was changed") % {
            "site": settings.WIKI_SITE_NAME,
            "title": revision.page.title,
        }
        return subject, render_to_string("wiki/mail/page_changed.txt", context)


def _mail_at_once(revision, recipients):
    """One mail each, in its reader's language; those that went out are marked, a
    failure is only logged."""
    mails = {}
    sent = []
    try:
        with get_connection() as connection:
            for user in recipients:
                language = mail_language(user)
                if language not in mails:
                    mails[language] = _page_changed_mail(revision, language)
                subject, body = mails[language]
                EmailMessage(
                    subject, body, to=[user.email], connection=connection
                ).send()
                sent.append(user.pk)
    except Exception:
        logger.exception("Mail about revision %s could not be sent.", revision.pk)
    Notification.objects.filter(revision=revision, recipient_id__in=sent).update(
        emailed_at=timezone.now()
    )


def notifications_mark_read(*, notifications):
    """Mark those of `notifications` not yet read as read now; return their ids."""
    unread = {
        notification.pk for notification in notifications if not notification.read_at
    }
    if unread:
        Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return unread


@daily(at=time(6, 0))
def send_daily_digests():
    """The digests, every morning at 06:00 UTC, run by a worker."""
    return send_digests()


def send_digests():
    """Mail each user who chose a daily digest what they were not yet mailed about.

    Returns how many digests went out.
    """
    pending = (
        Notification.objects.filter(
            emailed_at__isnull=True,
            recipient__wiki_preferences__email_notifications=EmailFrequency.DAILY,
        )
        .exclude(recipient__email="")
        .select_related(
            "recipient__wiki_preferences", "revision__page", "revision__author"
        )
        .order_by("recipient_id", "created_at", "pk")
    )
    by_recipient = {}
    for notification in pending:
        by_recipient.setdefault(notification.recipient, []).append(notification)
    sent = 0
    for recipient, notifications in by_recipient.items():
        if _mail_digest(recipient, notifications):
            sent += 1
    return sent


def _mail_digest(recipient, notifications):
    with translation.override(mail_language(recipient)):
        subject, body = _digest_mail(notifications)
    try:
        EmailMessage(subject, body, to=[recipient.email]).send()
    except Exception:
        logger.exception("The digest for user %s could not be sent.", recipient.pk)
        return False
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        emailed_at=timezone.now()
    )
    return True


def _digest_mail(notifications):
    """The subject and text of one digest, in the active language."""
    context = {
        "site_name": settings.WIKI_SITE_NAME,
        "changes": [
            (
                notification.revision,
                absolute_url(
                    notification.revision.get_diff_url()
                    or notification.revision.get_absolute_url()
                ),
            )
            for notification in notifications
        ],
    }
    subject = ngettext(
        "%(site)s: %(count)d change to pages you watch",
        "%(site)s: %(count)d changes to pages you watch",
        len(notifications),
    ) % {"site": settings.WIKI_SITE_NAME, "count": len(notifications)}
    return subject, render_to_string("wiki/mail/digest.txt", context)
