"""How the film data is written in the read API: subjects link to each other by their
API address, and to their wiki page by `page`."""

from rest_framework import serializers

from wiki.api.serializers import SiteLinkField, slug_field

from ..models import (
    Actor,
    BoxOfficeFigure,
    Character,
    ExternalLink,
    Film,
    Remake,
    RemakeStar,
    Role,
)


def link(view_name, **kwargs):
    return serializers.HyperlinkedRelatedField(
        view_name=f"api:{view_name}-detail",
        lookup_field="slug",
        read_only=True,
        **kwargs,
    )


class RoleSerializer(serializers.ModelSerializer):
    """Who plays whom in the original film."""

    film = link("film")
    actor = link("actor")
    actor_name = serializers.CharField(source="actor.name", read_only=True)
    character = link("character")
    character_name = serializers.CharField(source="character.name", read_only=True)

    class Meta:
        model = Role
        fields = [
            "film",
            "actor",
            "actor_name",
            "character",
            "character_name",
            "note",
            "billing",
            "is_starring",
        ]


class CastMemberSerializer(serializers.ModelSerializer):
    """Who plays in a remake, and whom of the original, under which name."""

    remake = link("remake")
    actor = link("actor")
    actor_name = serializers.CharField(source="actor.name", read_only=True)
    character = link("character", allow_null=True)
    local_name = serializers.CharField(read_only=True)

    class Meta:
        model = RemakeStar
        fields = [
            "remake",
            "actor",
            "actor_name",
            "character",
            "local_name",
            "is_lead",
            "billing",
        ]


class ExternalLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExternalLink
        fields = ["name", "url"]


class BoxOfficeFigureSerializer(serializers.ModelSerializer):
    film = link("film")

    class Meta:
        model = BoxOfficeFigure
        fields = [
            "id",
            "film",
            "days_after_release",
            "date",
            "period",
            "admissions",
            "gross_usd",
            "description",
        ]


class SubjectSerializer(serializers.HyperlinkedModelSerializer):
    slug = slug_field()
    page = SiteLinkField()

    class Meta:
        extra_kwargs = {"url": {"lookup_field": "slug"}}


class FilmSerializer(SubjectSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:film-detail", lookup_field="slug"
    )
    cast = RoleSerializer(source="roles", many=True, read_only=True)
    remakes = link("remake", many=True)
    characters = link("character", many=True)
    box_office = BoxOfficeFigureSerializer(many=True, read_only=True)
    external_links = ExternalLinkSerializer(many=True, read_only=True)

    class Meta:
        model = Film
        fields = [
            "url",
            "slug",
            "page",
            "title",
            "original_title",
            "romanized_title",
            "literal_title",
            "working_title",
            "working_title_original",
            "year",
            "country",
            "language",
            "genre",
            "logline",
            "based_on",
            "budget",
            "break_even_admissions",
            "cast",
            "characters",
            "remakes",
            "box_office",
            "external_links",
        ]


class CharacterSerializer(SubjectSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:character-detail", lookup_field="slug"
    )
    film = link("film")
    played_by = RoleSerializer(source="roles", many=True, read_only=True)
    other_versions = CastMemberSerializer(source="versions", many=True, read_only=True)

    class Meta:
        model = Character
        fields = [
            "url",
            "slug",
            "page",
            "name",
            "film",
            "description",
            "played_by",
            "other_versions",
        ]


class ActorSerializer(SubjectSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:actor-detail", lookup_field="slug"
    )
    roles = RoleSerializer(many=True, read_only=True)
    remake_roles = CastMemberSerializer(
        source="remake_stars", many=True, read_only=True
    )

    class Meta:
        model = Actor
        fields = ["url", "slug", "page", "name", "roles", "remake_roles"]


class RemakeSerializer(SubjectSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:remake-detail", lookup_field="slug"
    )
    original = link("film")
    cast = CastMemberSerializer(source="stars", many=True, read_only=True)

    class Meta:
        model = Remake
        fields = [
            "url",
            "slug",
            "page",
            "page_title",
            "title",
            "original_title",
            "original",
            "country",
            "language",
            "year",
            "studio",
            "director",
            "cast",
        ]
