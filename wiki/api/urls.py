"""The read API's addresses, under /api/ in the `api` namespace: the routes of every
app that has some (`films` passes its own in, from the site's URLconf), the API's root,
its OpenAPI schema and its documentation (served from static/, no CDN)."""

from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.routers import SimpleRouter

from .views import ROUTES, RecentChangesView, SearchView

EXTRA = [
    ("recent-changes", "recent_changes"),
    ("search", "search"),
    ("schema", "schema"),
    ("docs", "docs"),
]


def api_urls(*app_routes):
    """The URL patterns of the API for the wiki's routes and `app_routes`."""
    router = SimpleRouter()
    routes = [*ROUTES, *app_routes]
    for prefix, viewset, basename in routes:
        router.register(prefix, viewset, basename=basename)

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    @api_view(["GET"])
    @permission_classes([AllowAny])
    def root(request):
        """Every endpoint of the API."""
        names = [(prefix, f"api:{basename}-list") for prefix, _, basename in routes]
        names += [(prefix, f"api:{name}") for prefix, name in EXTRA]
        return Response(
            {prefix: reverse(name, request=request) for prefix, name in names}
        )

    return [
        path("", root, name="root"),
        path("recent-changes/", RecentChangesView.as_view(), name="recent_changes"),
        path("search/", SearchView.as_view(), name="search"),
        path("schema/", SpectacularAPIView.as_view(), name="schema"),
        path(
            "docs/",
            SpectacularSwaggerSplitView.as_view(
                url_name="api:schema", template_name="api/swagger_ui.html"
            ),
            name="docs",
        ),
        *router.urls,
    ]
