from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _forget_kept_pages(**kwargs):
    """A deploy migrates: pages kept by the code before it may differ from the new."""
    from . import page_cache

    page_cache.invalidate(page_cache.EVERYTHING)


class WikiConfig(AppConfig):
    """The wiki engine: pages, revisions, rendering, links. Knows nothing of films."""

    name = "wiki"
    verbose_name = _("Wiki")

    def ready(self):
        from . import checks  # noqa: F401  (registers the checks)

        post_migrate.connect(_forget_kept_pages, sender=self)
