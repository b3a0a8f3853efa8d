"""The site log: what changed besides page text, by whom, and when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LogKind(models.TextChoices):
    MOVE = "move", _("moved")
    DELETE = "delete", _("deleted")
    RESTORE = "restore", _("restored")
    PROTECT = "protect", _("protected")
    UNPROTECT = "unprotect", _("unprotected")
    UPLOAD = "upload", _("uploaded")
    ACCOUNT = "account", _("created the account")
    BLOCK = "block", _("blocked")
    UNBLOCK = "unblock", _("unblocked")
    PATROL = "patrol", _("marked patrolled")
    MASS_REMOVAL = "massremove", _("removed the contributions of")
    FILTER = "filter", _("changed the edit filter")


class LogEntry(models.Model):
    """One event. Its target is kept as text: a deleted page leaves no row behind."""

    kind = models.CharField(
        max_length=10, choices=LogKind, db_index=True, verbose_name=_("kind")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="log_entries",
        verbose_name=_("done by"),
    )
    target = models.CharField(
        max_length=255,
        help_text=_("The page title, file name or username acted on."),
        verbose_name=_("target"),
    )
    target_url = models.CharField(
        max_length=300, blank=True, verbose_name=_("target url")
    )
    comment = models.CharField(max_length=300, blank=True, verbose_name=_("comment"))
    created_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=_("created at")
    )

    class Meta:
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.actor or 'the wiki'} {self.get_kind_display()} {self.target}"
