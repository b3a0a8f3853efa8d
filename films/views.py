"""Browsing the structured data: the home page and one table per kind of subject."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.generic import ListView

from wiki.page_cache import cached_for_readers, of_changes
from wiki.selectors import recently_changed_pages

from .charts import timeline_chart
from .infobox import film_charts
from .models import Film
from .selectors import ACTORS, CHARACTERS, FILMS, REMAKES


@cached_for_readers(tags=of_changes)
def home(request):
    """The film, its cast, its remakes and what changed lately."""
    films = list(
        FILMS.prefetch_related(Prefetch("remakes", queryset=REMAKES), "box_office")
    )
    context = {
        "films": [(film, film_charts(film)) for film in films],
        "recent_pages": recently_changed_pages(),
        "meta": {"description": films[0].logline if films else ""},
    }
    return render(request, "films/home.html", context)


@method_decorator(
    cached_for_readers(tags=of_changes, params=("page",)), name="dispatch"
)
class BrowseView(ListView):
    """A paginated table of one kind of subject, each row linking to its page."""

    paginate_by = 50
    heading = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, **kwargs)


class FilmListView(BrowseView):
    queryset = FILMS
    heading = "Films"


class CharacterListView(BrowseView):
    queryset = CHARACTERS
    heading = "Characters"


class ActorListView(BrowseView):
    queryset = ACTORS
    heading = "Actors"


class RemakeListView(BrowseView):
    queryset = REMAKES
    heading = "Remakes"

    def get_context_data(self, **kwargs):
        films = Film.objects.prefetch_related("remakes")
        timelines = [timeline_chart(film) for film in films]
        return super().get_context_data(
            charts=[chart for chart in timelines if chart], **kwargs
        )
