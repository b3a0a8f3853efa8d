"""Editing, moving and deleting a page."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError

from ..models import ProtectionLevel
from ..namespaces import SLUG_MAX_LENGTH, file_named_by, slug_for_title
from .plain_text import PlainTextFormMixin

MAX_BODY_BYTES = 512 * 1024


class EditForm(PlainTextFormMixin, forms.Form):
    """A page's Markdown, an edit summary, and the revision the editor started from."""

    title = forms.CharField(max_length=SLUG_MAX_LENGTH, required=False)
    body = forms.CharField(
        widget=forms.Textarea(
            attrs={"rows": 24, "class": "font-monospace", "spellcheck": "true"}
        ),
        strip=False,
        required=False,
        help_text="Markdown. Link pages with [[Title]] or [[Title|shown text]].",
    )
    summary = forms.CharField(
        max_length=300,
        required=False,
        help_text="Briefly describe your change.",
    )
    base_revision = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**63 - 1
    )

    def __init__(self, *args, slug, is_new, **kwargs):
        super().__init__(*args, **kwargs)
        self.slug = slug
        self.is_new = is_new
        if not is_new:
            del self.fields["title"]

    def clean_body(self):
        # Browsers send CRLF; store one kind of line ending so diffs and merges line up.
        body = self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n")
        if len(body.encode("utf-8")) > MAX_BODY_BYTES:
            raise ValidationError(
                "The text is over the %(limit)d KB limit; split it into several pages.",
                code="too_large",
                params={"limit": MAX_BODY_BYTES // 1024},
            )
        return body

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise ValidationError("A new page needs a title.", code="required")
        if file_named_by(title) is not None:
            raise ValidationError(
                "Titles starting with “File:” are kept for images.", code="reserved"
            )
        slug = slug_for_title(title)
        if not slug:
            raise ValidationError(
                "The title needs at least one letter or digit.", code="empty_slug"
            )
        if slug != self.slug:
            raise ValidationError(
                "This title belongs at /wiki/%(slug)s/, not at this address.",
                code="slug_mismatch",
                params={"slug": slug},
            )
        return title

    @property
    def is_too_large(self):
        return self.has_error("body", "too_large")


class MoveForm(PlainTextFormMixin, forms.Form):
    """Move a page: its new title, and why."""

    new_title = forms.CharField(max_length=SLUG_MAX_LENGTH, label="New title")
    reason = forms.CharField(
        max_length=200, required=False, help_text="Shown in the history and the log."
    )


class DeletionForm(PlainTextFormMixin, forms.Form):
    """Delete a page: why, for the site log."""

    reason = forms.CharField(max_length=300, help_text="Shown in the site log.")


# How long a protection may hold, as MediaWiki offers them; None: until lifted.
EXPIRIES = {
    "1 hour": timedelta(hours=1),
    "1 day": timedelta(days=1),
    "1 week": timedelta(weeks=1),
    "1 month": timedelta(days=31),
    "3 months": timedelta(days=92),
    "1 year": timedelta(days=365),
    "indefinite": None,
}


class ProtectionForm(PlainTextFormMixin, forms.Form):
    """Who may edit and who may move a page, for how long, and why."""

    edit_level = forms.ChoiceField(
        choices=ProtectionLevel.choices, required=False, label="Edit"
    )
    move_level = forms.ChoiceField(
        choices=ProtectionLevel.choices, required=False, label="Move"
    )
    expiry = forms.ChoiceField(
        choices=[(name, name) for name in EXPIRIES], initial="1 week"
    )
    reason = forms.CharField(
        max_length=300, required=False, help_text="Shown to editors and in the log."
    )

    def expires_at(self, now):
        """When the protection chosen lifts, or None for never."""
        duration = EXPIRIES[self.cleaned_data["expiry"]]
        return None if duration is None else now + duration
