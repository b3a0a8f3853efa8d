"""The film data's read API: one read-only endpoint per kind, filterable as the browse
tables are."""

from django_filters import rest_framework as filters
from rest_framework import viewsets

from wiki.api.filters import ApiFilterSet

from ..models import Actor, BoxOfficeFigure, Character
from ..selectors import (
    actors_with_roles,
    characters_with_players,
    films_with_cast,
    remakes_with_stars,
)
from .serializers import (
    ActorSerializer,
    BoxOfficeFigureSerializer,
    CharacterSerializer,
    FilmSerializer,
    RemakeSerializer,
)


class SubjectViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = r"[-\w]+"


class FilmViewSet(SubjectViewSet):
    """The film (the original), with its cast, remakes and box office."""

    queryset = films_with_cast().prefetch_related(
        "remakes", "characters", "box_office", "external_links"
    )
    serializer_class = FilmSerializer
    filterset_fields = ["country", "language", "year"]


class CharacterFilter(ApiFilterSet):
    film = filters.CharFilter(field_name="film__slug", help_text="The film's slug.")
    name = filters.CharFilter(lookup_expr="icontains", help_text="Part of the name.")

    class Meta:
        model = Character
        fields = ["film", "name"]


class CharacterViewSet(SubjectViewSet):
    """The characters, with who plays them in the original and in each remake."""

    queryset = characters_with_players()
    serializer_class = CharacterSerializer
    filterset_class = CharacterFilter


class ActorFilter(ApiFilterSet):
    name = filters.CharFilter(lookup_expr="icontains", help_text="Part of the name.")

    class Meta:
        model = Actor
        fields = ["name"]


class ActorViewSet(SubjectViewSet):
    """The actors of the original and of the remakes, with their roles."""

    queryset = actors_with_roles()
    serializer_class = ActorSerializer
    filterset_class = ActorFilter


class RemakeViewSet(SubjectViewSet):
    """The remakes, with their cast and the film they remake."""

    queryset = remakes_with_stars()
    serializer_class = RemakeSerializer
    filterset_fields = ["country", "language", "year"]


class BoxOfficeFilter(ApiFilterSet):
    film = filters.CharFilter(field_name="film__slug", help_text="The film's slug.")

    class Meta:
        model = BoxOfficeFigure
        fields = ["film"]


class BoxOfficeViewSet(viewsets.ReadOnlyModelViewSet):
    """Box-office figures, by film and day."""

    queryset = BoxOfficeFigure.objects.select_related("film").order_by(
        "film", "days_after_release", "pk"
    )
    serializer_class = BoxOfficeFigureSerializer
    filterset_class = BoxOfficeFilter


ROUTES = [
    ("films", FilmViewSet, "film"),
    ("characters", CharacterViewSet, "character"),
    ("actors", ActorViewSet, "actor"),
    ("remakes", RemakeViewSet, "remake"),
    ("box-office", BoxOfficeViewSet, "boxofficefigure"),
]
