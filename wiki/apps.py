from django.apps import AppConfig


class WikiConfig(AppConfig):
    """The wiki engine: pages, revisions, rendering, links. Knows nothing of films."""

    name = "wiki"
    verbose_name = "Wiki"

    def ready(self):
        from . import checks  # noqa: F401  (registers the checks)
