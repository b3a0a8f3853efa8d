from django.urls import path

from . import views

app_name = "films"
urlpatterns = [
    path("", views.home, name="home"),
    path("films/", views.FilmListView.as_view(), name="film_list"),
    path("characters/", views.CharacterListView.as_view(), name="character_list"),
    path("actors/", views.ActorListView.as_view(), name="actor_list"),
    path("remakes/", views.RemakeListView.as_view(), name="remake_list"),
    path(
        "wiki/<str:slug>/data-history/",
        views.subject_data_history,
        name="data_history",
    ),
    path(
        "wiki/<str:slug>/data-history/<str:model_name>/<int:history_id>/restore/",
        views.version_restore_view,
        name="version_restore",
    ),
]
