"""Signing up, logging in, recovering a password, and one's own account."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from ..models import Preferences
from .honeypot import HoneypotFormMixin
from .plain_text import PlainTextFormMixin

EMAIL_HELP = "Optional. Only used to send you a link if you forget your password."


class SignupForm(HoneypotFormMixin, PlainTextFormMixin, auth_forms.UserCreationForm):
    email = forms.EmailField(required=False, help_text=EMAIL_HELP)

    class Meta(auth_forms.UserCreationForm.Meta):
        fields = ["username", "email"]


class LoginForm(PlainTextFormMixin, auth_forms.AuthenticationForm):
    pass


class PasswordResetForm(PlainTextFormMixin, auth_forms.PasswordResetForm):
    pass


class AccountForm(PlainTextFormMixin, forms.ModelForm):
    """One's e-mail address, changed only with one's password."""

    current_password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Your password, to confirm that it is you.",
    )

    class Meta:
        model = get_user_model()
        fields = ["email"]
        help_texts = {"email": EMAIL_HELP}

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.instance.check_password(password):
            raise ValidationError("That is not your password.", code="wrong_password")
        return password


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = ["watch_edited_pages", "email_notifications"]
