"""Signing up, logging in, recovering a password, and one's own account."""

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import Preferences
from .honeypot import HoneypotFormMixin
from .plain_text import PlainTextFormMixin

EMAIL_HELP = _("Optional. Only used to send you a link if you forget your password.")


class SignupForm(HoneypotFormMixin, PlainTextFormMixin, auth_forms.UserCreationForm):
    email = forms.EmailField(
        required=False, label=_("E-mail address"), help_text=EMAIL_HELP
    )

    class Meta(auth_forms.UserCreationForm.Meta):
        fields = ["username", "email"]


class LoginForm(PlainTextFormMixin, auth_forms.AuthenticationForm):
    pass


class PasswordResetForm(PlainTextFormMixin, auth_forms.PasswordResetForm):
    pass


class AccountForm(PlainTextFormMixin, forms.ModelForm):
    """One's e-mail address, changed only with one's password."""

    current_password = forms.CharField(
        label=_("Current password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Your password, to confirm that it is you."),
    )

    class Meta:
        model = get_user_model()
        fields = ["email"]
        help_texts = {"email": EMAIL_HELP}

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.instance.check_password(password):
            raise ValidationError(
                _("That is not your password."), code="wrong_password"
            )
        return password


class PreferencesForm(forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Interface language"),
        required=False,
        help_text=_("Pages open in this language when you log in; mail is sent in it."),
    )

    class Meta:
        model = Preferences
        fields = [
            "watch_edited_pages",
            "notify_minor_edits",
            "email_notifications",
            "language",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            ("", _("the language of the address I open")),
            *settings.LANGUAGES,
        ]
