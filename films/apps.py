from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilmsConfig(AppConfig):
    """The film, its characters, actors and remakes, with an infobox on their pages."""

    name = "films"
    verbose_name = _("Films")

    def ready(self):
        from wiki import extensions

        from .extension import FilmsExtension

        extensions.register(FilmsExtension())
