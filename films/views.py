"""Browsing the structured data: the home page and one table per kind of subject."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.views.generic import ListView

from wiki.selectors import recently_changed_pages

from .models import Actor, Character, Film, Remake, RemakeStar, Role

ROLES_WITH_PEOPLE = Prefetch(
    "roles", queryset=Role.objects.select_related("actor", "character")
)
STARS_WITH_ACTORS = Prefetch(
    "starring", queryset=RemakeStar.objects.select_related("actor")
)


def home(request):
    """The film, its cast, its remakes and what changed lately."""
    films = Film.objects.prefetch_related(
        ROLES_WITH_PEOPLE,
        Prefetch(
            "remakes", queryset=Remake.objects.prefetch_related(STARS_WITH_ACTORS)
        ),
    )
    context = {"films": films, "recent_pages": recently_changed_pages()}
    return render(request, "films/home.html", context)


class BrowseView(ListView):
    """A paginated table of one kind of subject, each row linking to its page."""

    paginate_by = 50
    heading = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, **kwargs)


class FilmListView(BrowseView):
    queryset = Film.objects.prefetch_related(ROLES_WITH_PEOPLE)
    heading = "Films"


class CharacterListView(BrowseView):
    queryset = Character.objects.select_related("film").prefetch_related(
        ROLES_WITH_PEOPLE
    )
    heading = "Characters"


class ActorListView(BrowseView):
    queryset = Actor.objects.prefetch_related(
        ROLES_WITH_PEOPLE,
        Prefetch("remake_roles", queryset=RemakeStar.objects.select_related("remake")),
    )
    heading = "Actors"


class RemakeListView(BrowseView):
    queryset = Remake.objects.select_related("original").prefetch_related(
        STARS_WITH_ACTORS
    )
    heading = "Remakes"
