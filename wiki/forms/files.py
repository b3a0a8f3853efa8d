"""Uploading an image."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..images import NAME_EXTENSIONS, clean_image
from ..models.files import NAME_MAX_LENGTH
from .plain_text import PlainTextFormMixin


class UploadForm(PlainTextFormMixin, forms.Form):
    """An image to upload under a name (the uploaded file's own name by default)."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("A JPEG, PNG, GIF or WebP image of at most 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
        ),
    )
    name = forms.CharField(
        max_length=NAME_MAX_LENGTH,
        required=False,
        label=_("Name"),
        help_text=_(
            "With its extension, e.g. Poster.jpg. Uploading under an existing "
            "name adds a new version of that file."
        ),
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label=_("Description"),
    )
    licence = forms.CharField(
        max_length=300,
        required=False,
        label=_("Licence"),
        help_text=_("Who may use the image, and how."),
    )

    @property
    def is_too_large(self):
        return self.has_error("file", "too_large")

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None or self.has_error("name"):
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
                    _(
                        "The name's extension does not fit the image, which is a "
                        "%(kind)s."
                    ),
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
            _("A file name cannot hold / \\ .. or control characters."),
            code="bad_characters",
        )
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(_("The name is too long."), code="name_too_long")
    extension = name.rsplit(".", 1)[1].lower() if "." in name else ""
    if extension not in NAME_EXTENSIONS or name.startswith("."):
        raise ValidationError(
            _("The name must end in .jpg, .jpeg, .png, .gif or .webp."),
            code="no_extension",
        )
    return name
