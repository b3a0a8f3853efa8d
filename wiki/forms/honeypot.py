"""A honeypot: a field no person sees or reaches, which robots that fill in every
field fill in. It is moved off screen rather than hidden with `display: none`,
which robots read as "skip me", and kept from screen readers and the tab order."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
# What a filled honeypot is told: what a wrong answer would be, and nothing more.
HONEYPOT_REFUSAL = _("This form could not be accepted. Please try again.")


class HoneypotInput(forms.TextInput):
    """A text input drawn inside an off-screen box that assistive technology skips.

    It counts as hidden, so forms draw it bare, without a visible label or help.
    """

    template_name = "wiki/widgets/honeypot.html"
    is_hidden = True

    def __init__(self):
        super().__init__(attrs={"tabindex": "-1", "autocomplete": "off"})


class HoneypotFormMixin:
    """Give a form the honeypot field; `honeypot_filled` tells a robot's post."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False, widget=HoneypotInput(), label=_("Leave this empty")
        )

    @property
    def honeypot_filled(self):
        return bool(self.data.get(HONEYPOT_FIELD))
