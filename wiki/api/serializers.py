"""How the wiki's pages and revisions are written in the read API."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from ..models import Page, Revision


@extend_schema_field(OpenApiTypes.URI)
class SiteLinkField(serializers.Field):
    """The object's address on the site (its `get_absolute_url`), made absolute."""

    def __init__(self, source="*", **kwargs):
        super().__init__(source=source, read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class PageLinkField(serializers.Field):
    """A page's own address in the API."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, page):
        return reverse(
            "api:page-detail",
            kwargs={"slug": page.slug},
            request=self.context["request"],
        )


class RevisionSerializer(serializers.ModelSerializer):
    author = serializers.CharField(
        source="author.username", default=None, allow_null=True, read_only=True
    )
    site_url = SiteLinkField()
    tags = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")

    class Meta:
        model = Revision
        fields = [
            "id",
            "number",
            "created_at",
            "author",
            "summary",
            "minor",
            "tags",
            "size",
            "size_change",
            "site_url",
        ]


class ChangeSerializer(RevisionSerializer):
    """A revision in recent changes: with the page it changed."""

    page = PageLinkField()
    title = serializers.CharField(source="page.title", read_only=True)

    class Meta(RevisionSerializer.Meta):
        fields = ["page", "title", *RevisionSerializer.Meta.fields]


def slug_field():
    """A slug, read only. A plain string in the schema: slugs hold letters of any
    script, which a JSON Schema pattern's \\w (ASCII only) would refuse."""
    return serializers.CharField(read_only=True)


class PageSerializer(serializers.ModelSerializer):
    url = PageLinkField(source="*")
    slug = slug_field()
    site_url = SiteLinkField()

    class Meta:
        model = Page
        fields = ["url", "slug", "title", "updated_at", "site_url"]


class PageDetailSerializer(PageSerializer):
    """A page with its current text, as written and as rendered."""

    revision = RevisionSerializer(source="current_revision", read_only=True)
    text = serializers.CharField(source="current_revision.body", read_only=True)
    html = serializers.CharField(source="current_revision.html", read_only=True)
    revisions = serializers.SerializerMethodField()

    class Meta(PageSerializer.Meta):
        fields = [*PageSerializer.Meta.fields, "revision", "text", "html", "revisions"]

    def get_revisions(self, page) -> str:
        return reverse(
            "api:page-revisions",
            kwargs={"slug": page.slug},
            request=self.context["request"],
        )


class HitSerializer(serializers.Serializer):
    """A search result: the page, and where the words were found (HTML, with the
    found words in <mark>)."""

    page = PageLinkField()
    title = serializers.CharField(source="page.title")
    site_url = SiteLinkField(source="page")
    snippet = serializers.CharField()
    title_matches = serializers.BooleanField()
