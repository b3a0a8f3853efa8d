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
from django.views.generic import CreateView

from ..forms import AccountForm, LoginForm, PasswordResetForm, SignupForm
from ..limits import over_limit, refuse_as_too_many

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
LOCKED_OUT = (
    "Too many failed logins for this account from your address. It is locked for "
    "%(minutes)d minutes; if you forgot your password, reset it below."
)


class LimitedFormMixin:
    """Answer a POST past `limited_action`'s limit with 429 and the form as typed."""

    limited_action = None

    def post(self, request, *args, **kwargs):
        if over_limit(request, self.limited_action):
            refuse_as_too_many(request)
            form = self.get_form()
            return self.render_to_response(
                self.get_context_data(form=form), status=HTTPStatus.TOO_MANY_REQUESTS
            )
        return super().post(request, *args, **kwargs)


class SignupView(LimitedFormMixin, CreateView):
    form_class = SignupForm
    template_name = "registration/signup.html"
    success_url = reverse_lazy("wiki:page_list")
    limited_action = "signup"

    def post(self, request, *args, **kwargs):
        self.object = None  # as CreateView.post sets it, also for a refused form
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        login(self.request, self.object, backend=MODEL_BACKEND)
        messages.success(
            self.request, f"Welcome, {self.object.username}! You can now edit."
        )
        return response


class LoginView(LimitedFormMixin, auth_views.LoginView):
    authentication_form = LoginForm
    limited_action = "login"


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


@login_required
def account_settings(request):
    """One's e-mail address and password."""
    email_form = AccountForm(instance=request.user)
    password_form = PasswordChangeForm(request.user)
    status = HTTPStatus.OK
    if request.method == "POST" and "change_email" in request.POST:
        email_form = AccountForm(request.POST, instance=request.user)
        if email_form.is_valid():
            email_form.save()
            messages.success(request, "Your e-mail address is saved.")
            return redirect("account_settings")
        status = HTTPStatus.BAD_REQUEST
    elif request.method == "POST" and "change_password" in request.POST:
        password_form = PasswordChangeForm(request.user, request.POST)
        if password_form.is_valid():
            update_session_auth_hash(request, password_form.save())
            messages.success(request, "Your password is changed.")
            return redirect("account_settings")
        status = HTTPStatus.BAD_REQUEST
    context = {"email_form": email_form, "password_form": password_form}
    return render(request, "registration/account_settings.html", context, status=status)
