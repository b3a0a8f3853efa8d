from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .i18n import language_links


def site(request):
    """The site's name, which every page shows and no template writes itself."""
    return {"site_name": settings.WIKI_SITE_NAME}


def languages(request):
    """The language menu's links to the page being read in every interface language;
    worked out only by a page that draws the menu."""
    return {"language_links": SimpleLazyObject(lambda: language_links(request))}
