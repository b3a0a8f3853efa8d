"""The wiki's read API (Django REST framework): pages, their revisions, recent changes
and search. Read only and the same for everyone: no authentication is read, so nothing
in an answer depends on who asks."""

from django.urls import reverse


def is_api_request(request):
    """Whether `request` is for the read API, whose every answer is JSON."""
    return request.path.startswith(reverse("api:root"))
