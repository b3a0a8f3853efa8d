"""The wiki's read API: what readers see on the site, as JSON."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError

from ..converters import PageSlugConverter
from ..forms import SearchForm
from ..models import Page, Revision
from ..namespaces import slug_for_title
from ..search import SearchResults
from ..selectors import recent_revisions
from .filters import ApiFilterSet, StrictBooleanFilter
from .serializers import (
    ChangeSerializer,
    HitSerializer,
    PageDetailSerializer,
    PageSerializer,
    RevisionSerializer,
)


class PageFilter(ApiFilterSet):
    title = filters.CharFilter(lookup_expr="icontains", help_text="Part of the title.")
    category = filters.CharFilter(
        method="in_category", help_text="A category's name or slug."
    )

    class Meta:
        model = Page
        fields = ["title", "category"]

    def in_category(self, queryset, name, value):
        return queryset.filter(categories__category_slug=slug_for_title(value))


class PageViewSet(viewsets.ReadOnlyModelViewSet):
    """Every page, alphabetically; one page with its current text and HTML."""

    lookup_field = "slug"
    lookup_value_regex = PageSlugConverter.regex
    filterset_class = PageFilter

    def get_queryset(self):
        pages = Page.objects.live()
        if self.action == "list":
            return pages.only("title", "slug", "namespace", "updated_at")
        return pages.with_current_revision()

    def get_serializer_class(self):
        serializers = {"list": PageSerializer, "revisions": RevisionSerializer}
        return serializers.get(self.action, PageDetailSerializer)

    @extend_schema(responses=RevisionSerializer(many=True))
    @action(detail=True, filterset_class=None)
    def revisions(self, request, slug=None):
        """The page's revisions, newest first."""
        page = self.get_object()
        revisions = (
            page.revisions.select_related("author")
            .prefetch_related("tags")
            .defer("body", "html")
        )
        return self._paginated(revisions.order_by("-number"))

    def _paginated(self, queryset):
        items = self.paginate_queryset(queryset)
        serializer = self.get_serializer(items, many=True)
        return self.get_paginated_response(serializer.data)


class ChangeFilter(ApiFilterSet):
    user = filters.CharFilter(field_name="author__username", help_text="A username.")
    new_pages = StrictBooleanFilter(
        field_name="previous", lookup_expr="isnull", help_text="Only page creations."
    )
    tag = filters.CharFilter(
        field_name="tags__name", help_text="Only changes with this change tag."
    )

    class Meta:
        model = Revision
        fields = ["user", "new_pages", "tag"]


class RecentChangesView(generics.ListAPIView):
    """The latest edits site-wide, newest first."""

    queryset = recent_revisions()
    serializer_class = ChangeSerializer
    filterset_class = ChangeFilter


class SearchParameters(serializers.Serializer):
    """The search's query parameters, read as strictly as the schema says them (the
    site's search form reads any `discussions` but false as true)."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="The words to find; category:Name narrows them to a category.",
    )
    discussions = serializers.BooleanField(
        required=False, help_text="Include talk pages."
    )


@extend_schema(parameters=[SearchParameters])
class SearchView(generics.ListAPIView):
    """Pages ranked as on the site's search page, a title match first."""

    serializer_class = HitSerializer
    filter_backends = []

    def get_queryset(self):
        # As plain data, not a form's: DRF reads an empty boolean in a form as false,
        # where the schema says a boolean is true or false.
        params = SearchParameters(data=self.request.query_params.dict())
        params.is_valid(raise_exception=True)
        form = SearchForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        category = form.cleaned_data["category"]
        return SearchResults(
            form.cleaned_data["words"],
            include_discussions=form.cleaned_data["discussions"],
            category=slug_for_title(category) if category else "",
        )


ROUTES = [("pages", PageViewSet, "page")]
