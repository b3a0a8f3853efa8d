"""Pages made and edited through the write path, as an editor would."""

from wiki.models import Page
from wiki.namespaces import slug_for_title
from wiki.services import page_save


def create_page(title="Sample page", body="Some text.", author=None, summary=""):
    """A new page with its first revision."""
    return page_save(
        slug=slug_for_title(title),
        title=title,
        body=body,
        author=author,
        summary=summary,
    ).revision.page


def edit_page(page, body, author=None, summary=""):
    """A new revision on top of the page's current one; returns that revision."""
    current = Page.objects.get(pk=page.pk).current_revision_id
    return page_save(
        slug=page.slug,
        title=page.title,
        body=body,
        author=author,
        summary=summary,
        base_revision_id=current,
    ).revision
