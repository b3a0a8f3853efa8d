from django.conf import settings


def site(request):
    """The site's name, which every page shows and no template writes itself."""
    return {"site_name": settings.WIKI_SITE_NAME}
