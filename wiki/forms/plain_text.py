from django import forms

from ..text import PlainTextValidator


class PlainTextFormMixin:
    """Give every text field of a form the plain-text check.

    A textarea is multi-line and keeps tab and newline; passwords are never shown
    anywhere, so they may hold what their owners like.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not isinstance(
                field.widget, forms.PasswordInput
            ):
                multiline = isinstance(field.widget, forms.Textarea)
                field.validators.append(PlainTextValidator(multiline=multiline))


class PlainTextModelForm(PlainTextFormMixin, forms.ModelForm):
    """A model form (admin's, for one) with the plain-text check on its text fields."""
