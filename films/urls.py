from django.urls import path

from . import views

app_name = "films"
urlpatterns = [
    path("", views.home, name="home"),
    path("films/", views.FilmListView.as_view(), name="film_list"),
    path("characters/", views.CharacterListView.as_view(), name="character_list"),
    path("actors/", views.ActorListView.as_view(), name="actor_list"),
    path("remakes/", views.RemakeListView.as_view(), name="remake_list"),
]
