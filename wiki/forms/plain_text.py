from django import forms
from django.utils.translation import gettext as _

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


class NamedWidgetsMixin:
    """Give every input a name that assistive technology reads, from its field's label.

    Admin draws some inputs without a <label> of their own: the cells of a tabular
    inline (their label is the column's heading) and the date and time halves of a
    date-time field. Each is named after its field, and each half after what it holds.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            label = str(field.label or "")
            subwidgets = getattr(field.widget, "widgets", None)
            if subwidgets and len(subwidgets) == 2:
                subwidgets[0].attrs.setdefault("aria-label", f"{label}: {_('Date')}")
                subwidgets[1].attrs.setdefault("aria-label", f"{label}: {_('Time')}")
            elif label:
                field.widget.attrs.setdefault("aria-label", label)


class PlainTextModelForm(NamedWidgetsMixin, PlainTextFormMixin, forms.ModelForm):
    """A model form (admin's, for one) with the plain-text check on its text fields."""
