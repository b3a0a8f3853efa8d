"""Editing, moving and deleting a page."""

from datetime import timedelta

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ..models import ProtectionLevel
from ..namespaces import SLUG_MAX_LENGTH, file_named_by, slug_for_title
from ..sections import MAX_SECTION, SectionMissing, with_section
from ..text import number_in
from .honeypot import HoneypotFormMixin
from .plain_text import PlainTextFormMixin

MAX_BODY_BYTES = 512 * 1024
WARNED = "wiki.edit-filter-warned"


class EditForm(HoneypotFormMixin, PlainTextFormMixin, forms.Form):
    """A page's Markdown, an edit summary, and the revision the editor started from;
    for a trusted editor, whether it is minor. An undo says which revision it takes
    back; an edit saved past the edit filter's warnings, which it was warned by."""

    title = forms.CharField(
        max_length=SLUG_MAX_LENGTH, required=False, label=_("Title")
    )
    body = forms.CharField(
        widget=forms.Textarea(
            attrs={"rows": 24, "class": "font-monospace", "spellcheck": "true"}
        ),
        strip=False,
        required=False,
        label=_("Text"),
        help_text=_("Markdown. Link pages with [[Title]] or [[Title|shown text]]."),
    )
    summary = forms.CharField(
        max_length=300,
        required=False,
        label=_("Summary"),
        help_text=_("Briefly describe your change."),
    )
    minor = forms.BooleanField(
        required=False, label=_("This is a minor edit (a typo, formatting)")
    )
    base_revision = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**63 - 1
    )
    undo = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**63 - 1
    )
    warned = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)
    section = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0, max_value=MAX_SECTION
    )

    def __init__(
        self,
        *args,
        slug,
        is_new,
        page=None,
        may_mark_minor=False,
        behind=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.slug = slug
        self.page = page
        self.is_new = is_new
        self.behind = behind
        if not is_new:
            del self.fields["title"]
        if is_new or not may_mark_minor:
            del self.fields["minor"]
        if behind is not None:
            self.fields["caught_up"] = forms.BooleanField(
                required=False,
                label=_("This translation now matches the current %(language)s page")
                % {"language": behind.language_name},
            )

    def clean_body(self):
        # Browsers send CRLF; store one kind of line ending so diffs and merges line up.
        body = self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n")
        _refuse_too_large(body)
        return body

    @cached_property
    def base(self):
        """The revision of the page the editor started from, or None (a new page, or
        an id that is not one of its revisions)."""
        number = number_in(self["base_revision"].value())
        if self.page is None or number is None:
            return None
        return self.page.revisions.filter(pk=number).first()

    def clean(self):
        """The page's whole text as the editor would leave it (`whole_body`): for a
        section's edit, the base revision's text with that section replaced."""
        data = super().clean()
        data["whole_body"] = data.get("body")
        if data.get("section") is None or "body" not in data or self.page is None:
            return data
        try:
            if self.base is None:
                raise SectionMissing(data["section"])
            data["whole_body"] = with_section(
                self.base.body, data["section"], data["body"]
            )
        except SectionMissing:
            raise ValidationError(
                _("That section is not in the page any more; edit the whole page."),
                code="no_section",
            ) from None
        try:
            _refuse_too_large(data["whole_body"])
        except ValidationError as error:
            self.add_error("body", error)
        return data

    def _title_and_slug(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise ValidationError(_("A new page needs a title."), code="required")
        if file_named_by(title) is not None:
            raise ValidationError(
                _("Titles starting with “File:” are kept for images."), code="reserved"
            )
        slug = slug_for_title(title)
        if not slug:
            raise ValidationError(
                _("The title needs at least one letter or digit."), code="empty_slug"
            )
        return title, slug

    def clean_title(self):
        title, slug = self._title_and_slug()
        if slug != self.slug:
            raise ValidationError(
                _("This title belongs at /wiki/%(slug)s/, not at this address."),
                code="slug_mismatch",
                params={"slug": slug},
            )
        return title

    @property
    def section_number(self):
        """The number of the section edited, or None for the whole page."""
        return number_in(self["section"].value())

    @property
    def is_too_large(self):
        return self.has_error("body", "too_large")

    def write_in(self, language):
        """Mark the text box with the language the page is written in, for screen
        readers and spelling checkers."""
        self.fields["body"].widget.attrs["lang"] = language

    def clean_warned(self):
        """The edit filter rules whose warnings the editor saw, as signed by the
        form that showed them; nothing when the signature does not hold."""
        try:
            return frozenset(signing.loads(self.cleaned_data["warned"], salt=WARNED))
        except (signing.BadSignature, TypeError, ValueError):
            return frozenset()

    def warn(self, rule_ids):
        """Carry the rules that warned the editor into the form shown again."""
        self.data = self.data.copy()
        self.data["warned"] = signing.dumps(sorted(rule_ids), salt=WARNED)


def _refuse_too_large(body):
    if len(body.encode("utf-8")) > MAX_BODY_BYTES:
        raise ValidationError(
            _("The text is over the %(limit)d KB limit; split it into several pages."),
            code="too_large",
            params={"limit": MAX_BODY_BYTES // 1024},
        )


class TranslateForm(EditForm):
    """A page's translation: the language it is in, its title (its address), and
    its text, which starts as the source's; checked as any new page's edit."""

    language = forms.ChoiceField(label=_("Language"))
    field_order = ["language", "title", "body", "summary"]

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, is_new=True, **kwargs)
        self.fields["language"].choices = languages
        self.fields["title"].required = True

    def clean_title(self):
        """The translation's title gives it its address, wherever that is."""
        title, self.slug = self._title_and_slug()
        return title


class MoveForm(PlainTextFormMixin, forms.Form):
    """Move a page: its new title, and why."""

    new_title = forms.CharField(max_length=SLUG_MAX_LENGTH, label=_("New title"))
    reason = forms.CharField(
        max_length=200,
        required=False,
        label=_("Reason"),
        help_text=_("Shown in the history and the log."),
    )


class DeletionForm(PlainTextFormMixin, forms.Form):
    """Delete a page: why, for the site log."""

    reason = forms.CharField(
        max_length=300, label=_("Reason"), help_text=_("Shown in the site log.")
    )


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
# The choices offer them by those names (what a form posts), in the reader's language.
EXPIRY_CHOICES = [
    ("1 hour", _("1 hour")),
    ("1 day", _("1 day")),
    ("1 week", _("1 week")),
    ("1 month", _("1 month")),
    ("3 months", _("3 months")),
    ("1 year", _("1 year")),
    ("indefinite", _("indefinite")),
]


class ProtectionForm(PlainTextFormMixin, forms.Form):
    """Who may edit and who may move a page, for how long, and why."""

    edit_level = forms.ChoiceField(
        choices=ProtectionLevel.choices, required=False, label=_("Edit")
    )
    move_level = forms.ChoiceField(
        choices=ProtectionLevel.choices, required=False, label=_("Move")
    )
    expiry = forms.ChoiceField(
        label=_("Expiry"), choices=EXPIRY_CHOICES, initial="1 week"
    )
    reason = forms.CharField(
        max_length=300,
        required=False,
        label=_("Reason"),
        help_text=_("Shown to editors and in the log."),
    )

    def expires_at(self, now):
        """When the protection chosen lifts, or None for never."""
        duration = EXPIRIES[self.cleaned_data["expiry"]]
        return None if duration is None else now + duration
