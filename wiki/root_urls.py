"""The site's root URLconf (ROOT_URLCONF): the wiki, the film data, accounts, admin,
and the read API of both.

Each app keeps its own routes in its urls.py, as Django apps do.
"""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from films.api.views import ROUTES as FILM_ROUTES
from wiki.api.urls import api_urls
from wiki.views import accounts

account_urls = [
    path("signup/", accounts.SignupView.as_view(), name="signup"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/", accounts.account_settings, name="account_settings"),
    path(
        "password_reset/",
        accounts.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

handler400 = "wiki.views.errors.bad_request"
handler404 = "wiki.views.errors.not_found"
handler500 = "wiki.views.errors.failed"

urlpatterns = [
    path("", include("films.urls")),
    path("", include("wiki.urls")),
    path("accounts/", include(account_urls)),
    path("admin/", admin.site.urls),
    path("api/", include((api_urls(*FILM_ROUTES), "api"))),
]
