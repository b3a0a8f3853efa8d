from django.apps import AppConfig


class FilmsConfig(AppConfig):
    """The film, its characters, actors and remakes, with an infobox on their pages."""

    name = "films"
    verbose_name = "Films"

    def ready(self):
        from wiki import extensions

        from .extension import FilmsExtension

        extensions.register(FilmsExtension())
