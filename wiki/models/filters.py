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

    name = models.CharField(max_length=100, verbose_name=_("name"))
    enabled = models.BooleanField(default=True, verbose_name=_("enabled"))
    pattern = models.CharField(
        max_length=1000,
        blank=True,
        validators=[validate_pattern],
        help_text=_(
            "A regular expression (case-insensitive) looked for in the field "
            "below; empty: the other conditions alone."
        ),
        verbose_name=_("pattern"),
    )
    field = models.CharField(
        max_length=10,
        choices=FilterField,
        default=FilterField.ADDED_TEXT,
        verbose_name=_("field"),
    )
    max_tier = models.PositiveSmallIntegerField(
        choices=[(tier.value, tier.label) for tier in Tier if tier > Tier.ANONYMOUS],
        default=Tier.NEW,
        verbose_name=_("users up to"),
        help_text=_(
            "The most trusted users it applies to: new users only, "
            "autoconfirmed ones too, or staff as well."
        ),
    )
    min_links_added = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("at least this many external links added"),
    )
    min_size_change = models.IntegerField(
        null=True,
        blank=True,
        help_text=_("Bytes; negative for a removal."),
        verbose_name=_("min size change"),
    )
    max_size_change = models.IntegerField(
        null=True,
        blank=True,
        help_text=_("Bytes; negative for a removal."),
        verbose_name=_("max size change"),
    )
    message = models.TextField(
        blank=True,
        help_text=_("What the editor is told when it warns or disallows."),
        verbose_name=_("message"),
    )
    warns = models.BooleanField(
        default=False,
        help_text=_("Show the message; the editor may save again."),
        verbose_name=_("warns"),
    )
    tag = models.SlugField(
        max_length=60,
        blank=True,
        help_text=_("Tag the edit with this name."),
        verbose_name=_("tag"),
    )
    disallows = models.BooleanField(
        default=False,
        help_text=_("Refuse the edit; the form comes back with the text."),
        verbose_name=_("disallows"),
    )
    block_hours = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_(
            "Block the editor's account for this many hours (and refuse the "
            "edit); empty: no block."
        ),
        verbose_name=_("block hours"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(
        auto_now=True,
        help_text=_(
            "A rule changed within a day switches itself off when it matches "
            "too many edits."
        ),
        verbose_name=_("updated at"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("edit filter")
        verbose_name_plural = _("edit filters")
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
        help_text=_("Empty: the honeypot caught it."),
        verbose_name=_("edit filter"),
    )
    actions = models.CharField(
        max_length=100, help_text=_("What was done."), verbose_name=_("actions")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    address = models.GenericIPAddressField(
        null=True, blank=True, verbose_name=_("address")
    )
    page_title = models.CharField(max_length=255, verbose_name=_("page title"))
    page_slug = models.CharField(
        max_length=300, blank=True, verbose_name=_("page slug")
    )
    summary = models.CharField(max_length=300, blank=True, verbose_name=_("summary"))
    old_text = models.TextField(blank=True, verbose_name=_("old text"))
    new_text = models.TextField(blank=True, verbose_name=_("new text"))
    created_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=_("created at")
    )

    class Meta:
        verbose_name = _("filter hit")
        verbose_name_plural = _("filter hits")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["edit_filter", "created_at"], name="filter_hits"),
        ]

    def __str__(self):
        return f"{self.edit_filter or 'honeypot'}: {self.page_title}"
