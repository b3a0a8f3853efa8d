"""The one render pipeline: from pages' current texts to everything kept of them.

Every write that gives a page a text, or changes what its text shows, ends here: a
save, a move, a restore, a retitle, and the re-render of pages whose links or images
changed colour or picture. `pages_publish` renders each text once and keeps what
follows from it, for any number of pages in a fixed number of queries: the HTML
readers are served (with its line of categories), the redirect, the links, the files
used, the categories, the search index; then it renews the page cache.
`pages_withdraw` takes all of that away from pages taken out of sight.
"""

from django.db import transaction

from .. import markup, page_cache
from ..categories import categories_of, category_links
from ..jobs import job
from ..models import (
    SLUG_MAX_LENGTH,
    FileUsage,
    Link,
    Page,
    PageCategory,
    Revision,
    SearchDocument,
)
from ..redirects import redirect_target
from ..search import search_document

# Pages re-rendered per transaction: each batch holds the write lock only briefly.
RERENDER_BATCH = 200


def pages_changed(*slugs):
    """Let the page cache show the pages at `slugs`, and every list, afresh once the
    write commits."""
    page_cache.invalidate(page_cache.CHANGES, *map(page_cache.page_tag, slugs))


def _with_translations(pages):
    """The slugs of `pages` and of the pages of their translation groups, which name
    them ("also in") and say how far behind them they are."""
    groups = {page.translation_group_id for page in pages} - {None}
    slugs = {page.slug for page in pages}
    if groups:
        slugs |= set(
            Page.objects.filter(translation_group__in=groups).values_list(
                "slug", flat=True
            )
        )
    return slugs


def _category_rows(page, categories):
    """The category rows of `page` for `categories` (slug: (name, sort key))."""
    return [
        PageCategory(
            page=page,
            category_slug=slug,
            category_name=name,
            sort_key=(sort_key or page.title)[:SLUG_MAX_LENGTH],
        )
        for slug, (name, sort_key) in categories.items()
    ]


def page_text(page, body):
    """`body` as `page` shows it: (what the renderer found, the page's categories,
    the HTML of the text with its categories' line under it). A save keeps that
    HTML; a preview shows it, so that the two are one."""
    rendered = markup.render(body, language=page.language)
    categories = categories_of(page, rendered.categories)
    html = rendered.html + category_links(categories, language=page.language)
    return rendered, categories, html


class _Kept:
    """The rows that follow from pages' texts, gathered to be written in one go."""

    def __init__(self):
        self.links, self.file_usages, self.categories, self.documents = [], [], [], []
        self.redirects_changed = []

    def add(self, page):
        revision = page.current_revision
        rendered, categories, revision.html = page_text(page, revision.body)
        redirect_to = redirect_target(revision.body)
        if page.redirect_to != redirect_to:
            page.redirect_to = redirect_to
            self.redirects_changed.append(page)
        self.links += [Link(source=page, target_slug=s) for s in rendered.link_slugs]
        self.file_usages += [
            FileUsage(page=page, file_name=name) for name in rendered.file_names
        ]
        self.categories += _category_rows(page, categories)
        self.documents.append(search_document(page, rendered.html))


def pages_publish(pages):
    """Render the current text of each of `pages` (with their current revisions) and
    keep all that follows from it, replacing what was kept before."""
    pages = list(pages)
    if not pages:
        return
    kept = _Kept()
    for page in pages:
        kept.add(page)
    Revision.objects.bulk_update([page.current_revision for page in pages], ["html"])
    Page.objects.bulk_update(kept.redirects_changed, ["redirect_to"])
    _pages_forget_derived(pages)
    Link.objects.bulk_create(kept.links)
    FileUsage.objects.bulk_create(kept.file_usages)
    PageCategory.objects.bulk_create(kept.categories)
    SearchDocument.objects.bulk_create(kept.documents)
    pages_changed(*_with_translations(pages))


def _pages_forget_derived(pages):
    for model, field in (
        (Link, "source"),
        (FileUsage, "page"),
        (PageCategory, "page"),
        (SearchDocument, "page"),
    ):
        model.objects.filter(**{f"{field}__in": pages}).delete()


def pages_withdraw(pages):
    """Take away what was kept of `pages`' texts: they are out of sight."""
    pages_changed(*_with_translations(pages))
    _pages_forget_derived(pages)


def rerender_pages(**lookup):
    """Re-render the current text of the live pages matching `lookup`.

    Their text is unchanged, but what it links to or embeds is not: a link turned blue
    or red, a file shows another image, an app gives the page another category.
    """
    pages_publish(Page.objects.live().with_current_revision().filter(**lookup))


def _rerender_in_batches(pages):
    ids = list(pages.values_list("pk", flat=True).order_by("pk"))
    for start in range(0, len(ids), RERENDER_BATCH):
        with transaction.atomic():
            rerender_pages(pk__in=ids[start : start + RERENDER_BATCH])
    return len(ids)


@job()
def rerender_pages_linking_to(slug):
    """Re-render the pages that link to `slug`: a page appeared or disappeared there."""
    return _rerender_in_batches(
        Page.objects.live().filter(outgoing_links__target_slug=slug)
    )


@job()
def rerender_pages_using_file(name):
    """Re-render the pages that embed the file `name`: it has a new version."""
    return _rerender_in_batches(Page.objects.live().filter(file_usages__file_name=name))


@job()
def rerender_pages_by_id(ids):
    """Re-render the pages with these ids (`manage.py rerender_pages`)."""
    return _rerender_in_batches(Page.objects.live().filter(pk__in=ids))
