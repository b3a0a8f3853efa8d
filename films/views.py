"""Browsing the structured data: the home page, a table per kind of subject, and
each subject's data history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from wiki.page_cache import cached_for_readers, of_changes
from wiki.selectors import recently_changed_pages

from .charts import timeline_chart
from .history import TRACKED, data_history
from .infobox import film_charts
from .models import Film
from .selectors import (
    actors_with_roles,
    characters_with_players,
    films_with_cast,
    remakes_with_stars,
)
from .services import RestoreRefused, version_restore
from .subjects import kind_at


@cached_for_readers(tags=of_changes)
def home(request):
    """The film, its cast, its remakes and what changed lately."""
    films = list(
        films_with_cast().prefetch_related(
            Prefetch("remakes", queryset=remakes_with_stars()), "box_office"
        )
    )
    context = {
        "films": [(film, film_charts(film)) for film in films],
        "recent_pages": recently_changed_pages(),
        "meta": {"description": films[0].logline if films else ""},
        "hide_header_search": True,  # the page's own box is the search box
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
    queryset = films_with_cast()
    heading = _("Films")


class CharacterListView(BrowseView):
    queryset = characters_with_players()
    heading = _("Characters")


class ActorListView(BrowseView):
    queryset = actors_with_roles()
    heading = _("Actors")


class RemakeListView(BrowseView):
    queryset = remakes_with_stars()
    heading = _("Remakes")

    def get_context_data(self, **kwargs):
        films = Film.objects.prefetch_related("remakes")
        timelines = [timeline_chart(film) for film in films]
        return super().get_context_data(
            charts=[chart for chart in timelines if chart], **kwargs
        )


def _subject_or_404(slug):
    kind = kind_at(slug)
    if kind is None:
        raise Http404(_("No film, character, actor or remake has this page."))
    return get_object_or_404(kind.model, slug=slug)


def subject_data_history(request, slug):
    """Every change to a subject's facts: who, when, why, and what, field by field."""
    subject = _subject_or_404(slug)
    context = {"subject": subject, "changes": data_history(subject)}
    return render(request, "films/data_history.html", context)


@require_POST
def version_restore_view(request, slug, model_name, history_id):
    """Staff make an earlier version of a fact current again, or hear why not."""
    if not request.user.is_staff:
        raise PermissionDenied(_("Only staff restore film data."))
    subject = _subject_or_404(slug)
    model = TRACKED.get(model_name)
    if model is None:
        raise Http404(_("No such kind of fact."))
    record = get_object_or_404(model.history, history_id=history_id)
    try:
        version_restore(record=record, actor=request.user)
    except RestoreRefused as refusal:
        messages.error(request, _("Not restored: %(why)s") % {"why": refusal})
    else:
        messages.success(
            request,
            _("Restored the version of %(when)s.")
            % {"when": date_format(record.history_date, "SHORT_DATETIME_FORMAT")},
        )
    return redirect("films:data_history", slug=subject.slug)
