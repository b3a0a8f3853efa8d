"""Root URLconf of the site: the wiki engine, the film data, accounts and admin."""

from django.contrib import admin
from django.urls import include, path

from wiki.views.accounts import SignupView

urlpatterns = [
    path("", include("films.urls")),
    path("", include("wiki.routes")),
    path("accounts/signup/", SignupView.as_view(), name="signup"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
