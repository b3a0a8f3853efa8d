"""What a link being typed may name: `[[Ti` pages (redirects with their targets),
`[[File:Po` uploaded files, `[[Category:Re` categories.

Each kind is a range on a unique or indexed column, cut at SUGGESTIONS rows: the
same few queries at a hundred pages or a hundred thousand.
"""

from dataclasses import asdict, dataclass

from django.db.models import Min

from .models import File, Page, PageCategory
from .namespaces import category_named_by, file_named_by, slug_for_title

SUGGESTIONS = 10
LAST = "\U0010ffff"  # sorts after every character: a prefix's range ends before it


@dataclass(frozen=True)
class Suggestion:
    title: str  # what the link names, as written between [[ and ]]
    redirect_to: str = ""  # for a redirect, the title it leads to

    def as_json(self):
        return asdict(self)


def link_suggestions(typed):
    """The titles a link beginning with `typed` may go on to name."""
    category, file_name = category_named_by(typed), file_named_by(typed)
    if category is not None:
        return _categories(category)
    if file_name is not None:
        return _files(file_name)
    return _pages(typed)


def _pages(typed):
    prefix = slug_for_title(typed) if typed.strip() else ""
    if not prefix:
        return []
    pages = list(
        Page.objects.live()
        .articles()
        .filter(slug__gte=prefix, slug__lt=prefix + LAST)
        .only("title", "redirect_to")
        .order_by("slug")[:SUGGESTIONS]
    )
    targets = {page.redirect_to for page in pages if page.redirect_to}
    titles = dict(
        Page.objects.filter(slug__in=targets).values_list("slug", "title")
        if targets
        else []
    )
    return [Suggestion(page.title, titles.get(page.redirect_to, "")) for page in pages]


def _files(typed):
    """Files whose names begin with what was typed, or with it capitalised, as
    MediaWiki's file names are: each range read in name order for as far as the
    answer goes, the two merged."""
    names = set()
    for start in {typed, typed[:1].upper() + typed[1:]}:
        names.update(
            File.objects.uploaded()
            .filter(name__gte=start, name__lt=start + LAST)
            .order_by("name")
            .values_list("name", flat=True)[:SUGGESTIONS]
        )
    return [Suggestion(f"File:{name}") for name in sorted(names)[:SUGGESTIONS]]


def _categories(typed):
    prefix = slug_for_title(typed) if typed.strip() else ""
    named = (
        PageCategory.objects.filter(category_slug__gte=prefix)
        .filter(category_slug__lt=prefix + LAST)
        .values("category_slug")
        .annotate(name=Min("category_name"))
        .order_by("category_slug")[:SUGGESTIONS]
    )
    return [Suggestion(f"Category:{row['name']}") for row in named]
