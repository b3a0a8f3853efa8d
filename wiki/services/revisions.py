"""The steps every write of a page is made of: lock it, add a revision, create it,
take it out of sight. The services of pages, talk and moves compose them, each in
its own transaction; nothing outside the services calls them.

A page's row is locked once, at the start of each write, so writers of one page queue
and each sees the text the one before it saved.
"""

from .. import talk
from ..models import Page, Revision, RevisionTag
from ..namespaces import deleted_slug
from ..rights import forget_rights, is_autopatrolled, is_trusted
from ..tags import automatic_tags
from .notifying import notify_watchers
from .publishing import (
    pages_changed,
    pages_publish,
    pages_withdraw,
    rerender_pages_linking_to,
)
from .watching import watch_as_editor


def _body_size(body):
    return len(body.encode("utf-8"))


def locked_page(slug):
    """The page at `slug` with its current revision, its row locked; None if missing.

    The lock comes first and the read after it: on PostgreSQL a locking query that
    waited sees the page row as the writer before it left it, but not the revision
    that writer added, so the current revision is read by a statement of its own.
    (SQLite takes its write lock as the transaction begins.)
    """
    if not Page.objects.select_for_update().filter(slug=slug).exists():
        return None
    return Page.objects.with_current_revision().get(slug=slug)


def revision_create(*, page, body, author, summary, minor=False, tags=()):
    """Add a revision on top of the locked `page`'s current one, make it current
    and publish it, tagged with `tags` and with what it did (wiki/tags.py).

    A stranger's revision waits to be patrolled. Two saves on top of the same
    revision both claim the next number and the same predecessor; the unique
    constraints let only the first of them in.
    """
    previous = page.current_revision
    revision = Revision.objects.create(
        page=page,
        number=previous.number + 1 if previous else 1,
        previous=previous,
        author=author,
        body=body,
        summary=summary,
        minor=minor and previous is not None,
        patrolled=is_autopatrolled(author),
        size=_body_size(body),
        size_change=_body_size(body) - (previous.size if previous else 0),
    )
    tags = set(tags) | automatic_tags(
        old_text=previous.body if previous else "",
        new_text=body,
        is_new=previous is None,
        by_new_user=not is_trusted(author),
    )
    RevisionTag.objects.bulk_create(
        RevisionTag(revision=revision, name=name) for name in sorted(tags)
    )
    forget_rights(author)  # one more edit: they may be autoconfirmed now
    page.current_revision = revision
    page.save(update_fields=["current_revision", "updated_at"])
    pages_publish([page])
    if page.is_talk:
        topic_count = len(talk.topics(body))
        Page.objects.filter(slug=page.article_slug).update(talk_topics=topic_count)
    watch_as_editor(user=author, page=page)
    notify_watchers(revision=revision)
    return revision


def page_create(*, slug, title, body, author, summary, tags=(), language=None):
    """Create a page with its first revision; links to it elsewhere turn blue.

    Its text is in `language`, the site's by default; a talk page's is its page's.
    """
    page = Page.at_address(slug, title=title)
    page.language = language or _language_of_subject(page) or page.language
    page.save()
    revision = revision_create(
        page=page, body=body, author=author, summary=summary, tags=tags
    )
    rerender_pages_linking_to.enqueue(page.slug)
    return revision


def translation_catch_up(page):
    """Record that `page`, a translation, now matches its source's current text."""
    made_from = Revision.objects.filter(pk=page.translated_from_id).first()
    source = made_from and Page.objects.filter(pk=made_from.page_id).first()
    if source is not None and source.current_revision_id:
        page.translated_from_id = source.current_revision_id
        page.save(update_fields=["translated_from"])
        pages_changed(page.slug)


def _language_of_subject(page):
    if not page.is_talk:
        return None
    return (
        Page.objects.filter(slug=page.article_slug)
        .values_list("language", flat=True)
        .first()
    )


def page_remove(page, *, actor, reason, when):
    """Take a page out of sight, keeping its history: its address is freed."""
    pages_withdraw([page])
    page.deleted_slug, page.slug = page.slug, deleted_slug(page.pk)
    page.deleted_at, page.deleted_by, page.deletion_reason = when, actor, reason
    page.save()


def page_bring_back(page):
    """Give a deleted page its address again and publish its text anew.

    It rejoins its translation group, unless a page in its language joined that
    group meanwhile: then it stands alone.
    """
    page.slug, page.deleted_slug = page.deleted_slug, ""
    page.deleted_at = page.deleted_by = None
    page.deletion_reason = ""
    if (
        page.translation_group_id
        and Page.objects.live()
        .filter(translation_group_id=page.translation_group_id, language=page.language)
        .exists()
    ):
        page.translation_group = None
        page.translated_from = None
    page.save()
    page.current_revision = Revision.objects.get(pk=page.current_revision_id)
    pages_publish([page])
