"""Read queries other parts of the site share."""

from .models import Page


def recently_changed_pages(limit=10):
    """The pages edited most recently, newest first, with their current revision."""
    return (
        Page.objects.with_current_revision()
        .filter(current_revision__isnull=False)
        .order_by("-updated_at", "-pk")[:limit]
    )
