"""The edit filter (MediaWiki's AbuseFilter): rules staff write in admin, each a
pattern and conditions on an edit with what to do when they hold, and the log of
every edit a rule matched."""

import regex
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..tiers import Tier


class FilterField(models.TextChoices):
    ADDED_TEXT = "added", _("the text added")
    TITLE = "title", _("the page title")
    SUMMARY = "summary", _("the edit summary")


def validate_pattern(pattern):
    """Refuse a regular expression that does not compile, saying why."""
    try:
        regex.compile(pattern, regex.IGNORECASE | regex.VERSION1)
    except regex.error as error:
        raise ValidationError(
            "This is not a regular expression: %(error)s.",
            code="bad_pattern",
            params={"error": error},
        ) from error


class EditFilter(models.Model):
    """One rule: an edit matches when every condition given holds."""

    name = models.CharField(max_length=100)
    enabled = models.BooleanField(default=True)
    pattern = models.CharField(
        max_length=1000,
        blank=True,
        validators=[validate_pattern],
        help_text="A regular expression (case-insensitive) looked for in the field "
        "below; empty: the other conditions alone.",
    )
    field = models.CharField(
        max_length=10, choices=FilterField, default=FilterField.ADDED_TEXT
    )
    max_tier = models.PositiveSmallIntegerField(
        choices=[(tier.value, tier.label) for tier in Tier if tier > Tier.ANONYMOUS],
        default=Tier.NEW,
        verbose_name="users up to",
        help_text="The most trusted users it applies to: new users only, "
        "autoconfirmed ones too, or staff as well.",
    )
    min_links_added = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name="at least this many external links added",
    )
    min_size_change = models.IntegerField(
        null=True, blank=True, help_text="Bytes; negative for a removal."
    )
    max_size_change = models.IntegerField(
        null=True, blank=True, help_text="Bytes; negative for a removal."
    )
    message = models.TextField(
        blank=True,
        help_text="What the editor is told when it warns or disallows.",
    )
    warns = models.BooleanField(
        default=False, help_text="Show the message; the editor may save again."
    )
    tag = models.SlugField(
        max_length=60, blank=True, help_text="Tag the edit with this name."
    )
    disallows = models.BooleanField(
        default=False, help_text="Refuse the edit; the form comes back with the text."
    )
    block_hours = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Block the editor's account for this many hours (and refuse the "
        "edit); empty: no block.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(
        auto_now=True,
        help_text="A rule changed within a day switches itself off when it matches "
        "too many edits.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(tag="")
                | models.Q(warns=True)
                | models.Q(disallows=True)
                | models.Q(block_hours__isnull=False)
                | models.Q(enabled=False),
                name="edit_filter_does_something",
                violation_error_message="Give the rule at least one action: warn, "
                "tag, disallow or block.",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def refuses(self):
        return self.disallows or self.block_hours is not None


class FilterHit(models.Model):
    """An edit a rule matched (or the honeypot caught), with what was done."""

    edit_filter = models.ForeignKey(
        EditFilter,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="hits",
        help_text="Empty: the honeypot caught it.",
    )
    actions = models.CharField(max_length=100, help_text="What was done.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    address = models.GenericIPAddressField(null=True, blank=True)
    page_title = models.CharField(max_length=255)
    page_slug = models.CharField(max_length=300, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    old_text = models.TextField(blank=True)
    new_text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["edit_filter", "created_at"], name="filter_hits"),
        ]

    def __str__(self):
        return f"{self.edit_filter or 'honeypot'}: {self.page_title}"
