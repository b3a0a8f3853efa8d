"""Forms of the wiki: editing a page, uploading an image, signing up."""

import unicodedata

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.core.exceptions import ValidationError

from .images import NAME_EXTENSIONS, clean_image
from .models import SLUG_MAX_LENGTH, slug_for_title
from .models.files import NAME_MAX_LENGTH

MAX_BODY_BYTES = 512 * 1024
RESERVED_TITLE_PREFIXES = ("file:",)


class EditForm(forms.Form):
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
        if title.lower().startswith(RESERVED_TITLE_PREFIXES):
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
        return _has_error(self, "body", "too_large")


def _has_error(form, field, code):
    return any(error.code == code for error in form.errors.as_data().get(field, []))


class SignupForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = ["username"]


class UploadForm(forms.Form):
    """An image to upload under a name (the uploaded file's own name by default)."""

    file = forms.FileField(
        help_text="A JPEG, PNG, GIF or WebP image of at most 10 MB.",
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
        ),
    )
    name = forms.CharField(
        max_length=NAME_MAX_LENGTH,
        required=False,
        help_text="With its extension, e.g. Poster.jpg. Uploading under an existing "
        "name adds a new version of that file.",
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    licence = forms.CharField(
        max_length=300, required=False, help_text="Who may use the image, and how."
    )

    @property
    def is_too_large(self):
        return _has_error(self, "file", "too_large")

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        name = cleaned.get("name") or upload.name
        try:
            cleaned["name"] = valid_file_name(name)
            cleaned["image"] = clean_image(upload)
        except ValidationError as error:
            field = "name" if error.code in FILE_NAME_ERRORS else "file"
            self.add_error(field, error)
            return cleaned
        if (
            NAME_EXTENSIONS[cleaned["name"].rsplit(".", 1)[1].lower()]
            != cleaned["image"].extension
        ):
            self.add_error(
                "name",
                ValidationError(
                    "The name's extension does not fit the image, which is a %(kind)s.",
                    code="extension_mismatch",
                    params={"kind": cleaned["image"].extension.upper()},
                ),
            )
        return cleaned


FILE_NAME_ERRORS = {"bad_characters", "no_extension", "name_too_long"}


def valid_file_name(name):
    """Return `name` if it can name a file; refuse, never repair, anything doubtful."""
    name = unicodedata.normalize("NFC", name.strip())
    if (
        not name
        or "/" in name
        or "\\" in name
        or ".." in name
        or any(unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"} for char in name)
    ):
        raise ValidationError(
            "A file name cannot hold / \\ .. or control characters.",
            code="bad_characters",
        )
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError("The name is too long.", code="name_too_long")
    extension = name.rsplit(".", 1)[1].lower() if "." in name else ""
    if extension not in NAME_EXTENSIONS or name.startswith("."):
        raise ValidationError(
            "The name must end in .jpg, .jpeg, .png, .gif or .webp.",
            code="no_extension",
        )
    return name
