"""Accounts: signing up, logging in, recovering a password, one's settings.

Django's auth views do the work; these add the site's forms, its request limits and
django-axes' lockout answer.
"""

from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView

from ..blocks import refused_by_block
from ..challenges import challenge_refused, challenge_to_show
from ..forms import (
    AccountForm,
    LoginForm,
    PasswordResetForm,
    PreferencesForm,
    SignupForm,
)
from ..forms.honeypot import HONEYPOT_REFUSAL
from ..i18n import in_language
from ..limits import client_ip, refusal_past_limit
from ..models import Preferences
from ..services import honeypot_caught
from ..services.log import log_account_created

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
LOCKED_OUT = _(
    "Too many failed logins for this account from your address. It is locked for "
    "%(minutes)d minutes; if you forgot your password, reset it below."
)


class LimitedFormMixin:
    """Answer a POST past `limited_action`'s limit with 429 and the form as typed."""

    limited_action = None

    def post(self, request, *args, **kwargs):
        refused = refusal_past_limit(request, self.limited_action, self._form_again)
        return refused or super().post(request, *args, **kwargs)

    def _form_again(self, status):
        context = self.get_context_data(form=self.get_form())
        return self.render_to_response(context, status=status)


class SignupView(LimitedFormMixin, CreateView):
    form_class = SignupForm
    template_name = "registration/signup.html"
    success_url = reverse_lazy("wiki:page_list")
    limited_action = "signup"

    def post(self, request, *args, **kwargs):
        self.object = None  # as CreateView.post sets it, also for a refused form
        blocked = refused_by_block(request, "signup")
        return blocked or super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        if "challenge" not in kwargs and self.request.method == "GET":
            kwargs["challenge"] = challenge_to_show(self.request)
        return super().get_context_data(**kwargs)

    def form_invalid(self, form, status=HTTPStatus.OK, challenge=None):
        """The form again, as typed but for the passwords, with a question anew."""
        context = self.get_context_data(
            form=form, challenge=challenge or challenge_to_show(self.request)
        )
        return self.render_to_response(context, status=status)

    def form_valid(self, form):
        if form.honeypot_filled:
            honeypot_caught(where="signup", user=None, address=client_ip(self.request))
            messages.error(self.request, HONEYPOT_REFUSAL)
            return self.form_invalid(form, status=HTTPStatus.BAD_REQUEST)
        challenge = challenge_refused(self.request)
        if challenge is not None:
            status = HTTPStatus.BAD_REQUEST if challenge.wrong else HTTPStatus.OK
            return self.form_invalid(form, status=status, challenge=challenge)
        response = super().form_valid(form)
        log_account_created(user=self.object)
        login(self.request, self.object, backend=MODEL_BACKEND)
        messages.success(
            self.request,
            _("Welcome, %(username)s! You can now edit.")
            % {"username": self.object.username},
        )
        return response


class LoginView(LimitedFormMixin, auth_views.LoginView):
    authentication_form = LoginForm
    limited_action = "login"

    def get_context_data(self, **kwargs):
        """Django's view names the site after the host it was asked for (it knows no
        Site without django.contrib.sites); the page names the wiki, as all pages do."""
        return {
            **super().get_context_data(**kwargs),
            "site_name": settings.WIKI_SITE_NAME,
        }

    def get_success_url(self):
        """Where the user was going, in the interface language they chose."""
        url = super().get_success_url()
        language = Preferences.of(self.request.user).language
        if language and url.startswith("/"):
            return in_language(url, language)
        return url


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: the form again, with why."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    messages.error(request, LOCKED_OUT % {"minutes": minutes})
    # Unbound, so that showing it does not try the password once more.
    form = LoginForm(request, initial={"username": request.POST.get("username", "")})
    context = {"form": form, "next": request.POST.get("next", "")}
    return render(
        request,
        "registration/login.html",
        context,
        status=HTTPStatus.TOO_MANY_REQUESTS,
    )


class PasswordResetView(LimitedFormMixin, auth_views.PasswordResetView):
    """Never says whether an address has an account; a failed send is logged."""

    form_class = PasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    limited_action = "password_reset"

    @property
    def extra_email_context(self):
        return {"site_name": settings.WIKI_SITE_NAME}


# The account page's forms, by the name of the button that sends each.
SETTINGS_FORMS = {
    "change_email": (AccountForm, _("Your e-mail address is saved.")),
    "change_password": (PasswordChangeForm, _("Your password is changed.")),
    "change_preferences": (PreferencesForm, _("Your preferences are saved.")),
}


def _settings_form(request, name, data=None):
    form_class = SETTINGS_FORMS[name][0]
    if form_class is PasswordChangeForm:
        return PasswordChangeForm(request.user, data)
    instance = (
        Preferences.of(request.user) if form_class is PreferencesForm else request.user
    )
    return form_class(data, instance=instance)


@login_required
def account_settings(request):
    """One's e-mail address, password and preferences, each a form of its own."""
    forms = {name: _settings_form(request, name) for name in SETTINGS_FORMS}
    sent = next((name for name in SETTINGS_FORMS if name in request.POST), None)
    status = HTTPStatus.OK
    if request.method == "POST" and sent:
        form = forms[sent] = _settings_form(request, sent, request.POST)
        if form.is_valid():
            saved = form.save()
            if sent == "change_password":
                update_session_auth_hash(request, saved)
            messages.success(request, SETTINGS_FORMS[sent][1])
            return redirect("account_settings")
        status = HTTPStatus.BAD_REQUEST
    context = {
        "email_form": forms["change_email"],
        "password_form": forms["change_password"],
        "preferences_form": forms["change_preferences"],
    }
    return render(request, "registration/account_settings.html", context, status=status)
