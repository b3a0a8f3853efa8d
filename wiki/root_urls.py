"""The site's root URLconf (ROOT_URLCONF): the wiki, the film data, accounts, admin,
and the read API of both.

Each app keeps its own routes in its urls.py, as Django apps do.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from films.api.views import ROUTES as FILM_ROUTES
from wiki.api.urls import api_urls
from wiki.views import accounts, crawlers, files

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

# Every page for people is in every interface language: /ko/wiki/<slug>/, with English
# unprefixed. The API, which speaks JSON to programs, and uploaded files have one
# address each.
urlpatterns = [
    *i18n_patterns(
        path("", include("films.urls")),
        path("", include("wiki.urls")),
        path("accounts/", include(account_urls)),
        path("admin/", admin.site.urls),
        prefix_default_language=False,
    ),
    path("api/", include((api_urls(*FILM_ROUTES), "api"))),
    path("media/<path:path>", files.serve_media, name="media"),
    path("sitemap.xml", crawlers.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", crawlers.sitemap, name="sitemap_section"),
    path("robots.txt", crawlers.robots_txt, name="robots_txt"),
    path("opensearch.xml", crawlers.opensearch, name="opensearch"),
]
