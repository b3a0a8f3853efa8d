"""Who follows which pages, what they are told of, and how they want to be told."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import Page


class Watch(models.Model):
    """A user follows a page: its changes appear on their watchlist."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="watches",
        verbose_name=_("user"),
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="watches", verbose_name=_("page")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("watch")
        verbose_name_plural = _("watches")
        ordering = ["page__title"]
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="watch_once"),
        ]

    def __str__(self):
        return f"{self.user} watches {self.page}"


class EmailFrequency(models.TextChoices):
    NEVER = "never", _("never")
    IMMEDIATELY = "immediate", _("at once, one mail a change")
    DAILY = "daily", _("once a day, in a digest")


class Preferences(models.Model):
    """A user's choices for the wiki; a user without a row has the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="wiki_preferences",
        verbose_name=_("user"),
    )
    watch_edited_pages = models.BooleanField(
        _("add pages I edit or create to my watchlist"),
        default=True,
    )
    notify_minor_edits = models.BooleanField(
        _("tell me of minor edits to pages I watch"),
        default=True,
    )
    email_notifications = models.CharField(
        _("e-mail me about changes to watched pages"),
        max_length=10,
        choices=EmailFrequency,
        default=EmailFrequency.NEVER,
    )
    # The interface a user reads in once logged in, and their mail's language; blank:
    # whichever address they visit, and the site's language for mail. One of
    # settings.LANGUAGES, which the form offers (a language added there needs no
    # migration).
    language = models.CharField(_("interface language"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("preferences")
        verbose_name_plural = _("preferences")

    def __str__(self):
        return f"Preferences of {self.user}"

    @classmethod
    def of(cls, user):
        """The user's preferences, unsaved defaults when they never chose."""
        return cls.objects.filter(user=user).first() or cls(user=user)


class NotificationReason(models.TextChoices):
    WATCHED = "watched", _("changed a page you watch")
    REPLY = "reply", _("replied to your topic")
    MENTION = "mention", _("mentioned you")


class Notification(models.Model):
    """A change a user is told of, and why: a page they watch, their topic, their
    name in a talk post."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    revision = models.ForeignKey(
        "Revision",
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("revision"),
    )
    reason = models.CharField(
        max_length=10,
        choices=NotificationReason,
        default=NotificationReason.WATCHED,
        verbose_name=_("reason"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    read_at = models.DateTimeField(null=True, blank=True, verbose_name=_("read at"))
    emailed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When it went out by mail, alone or in a digest."),
        verbose_name=_("emailed at"),
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "revision"], name="notification_once"
            ),
        ]

    def __str__(self):
        return f"{self.revision} for {self.recipient}"
