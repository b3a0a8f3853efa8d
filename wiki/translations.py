"""Pages as translations of each other: what a page's group holds, how far a
translation is behind its source, and the translations that are.

A translation group links pages that are one article in several languages, one page
per language. A translation remembers the revision of its source page it was made
from (Page.translated_from); the source's revisions since are what it is behind. The
writes are in services/translating.py.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.utils import translation

from .i18n import in_language
from .metadata import absolute_url
from .models import Page, Revision

LANGUAGE_NAMES = dict(settings.LANGUAGES)
LANGUAGE_ORDER = {code: n for n, (code, _) in enumerate(settings.LANGUAGES)}


@dataclass(frozen=True)
class Translation:
    """One page of a group, for its links: where it is read in its own language."""

    page: Page
    url: str

    @property
    def language(self):
        return self.page.language

    @property
    def language_name(self):
        return LANGUAGE_NAMES.get(self.page.language, self.page.language)

    @property
    def absolute_url(self):
        return absolute_url(self.url)


def own_language_url(page):
    """The address of `page` in the interface of the language it is written in."""
    with translation.override(settings.LANGUAGE_CODE):
        english = reverse("wiki:page", kwargs={"slug": page.slug})
    if page.language in LANGUAGE_NAMES:
        return in_language(english, page.language)
    return english


def group_of(page):
    """Every live page of `page`'s translation group, itself included, in the order
    of the interface languages; [] for a page in no group (and no query)."""
    if not page.translation_group_id:
        return []
    pages = (
        Page.objects.live()
        .filter(translation_group_id=page.translation_group_id)
        .only("title", "slug", "namespace", "language", "translation_group")
    )
    ordered = sorted(pages, key=lambda p: LANGUAGE_ORDER.get(p.language, 99))
    return [Translation(p, own_language_url(p)) for p in ordered]


def languages_to_translate_into(page):
    """The languages `page`'s group has no live page in yet, as (code, name)."""
    taken = {page.language}
    if page.translation_group_id:
        taken |= set(
            Page.objects.live()
            .filter(translation_group_id=page.translation_group_id)
            .values_list("language", flat=True)
        )
    return [(code, name) for code, name in settings.LANGUAGES if code not in taken]


def default_of(group):
    """The page search engines send a reader whose language has none (x-default):
    the one in the site's language, or else the first."""
    return next(
        (t for t in group if t.language == settings.LANGUAGE_CODE),
        group[0] if group else None,
    )


@dataclass(frozen=True)
class Behind:
    """How far a translation is behind its source: the source page, how many
    revisions it gained since, and the diff of them."""

    source: Page
    revisions: int
    diff_url: str

    @property
    def language_name(self):
        return LANGUAGE_NAMES.get(self.source.language, self.source.language)


def behind(page):
    """What `page`, a translation, lacks of its live source; None when it is up to
    date or no translation."""
    if not page.translated_from_id:
        return None
    made_from = (
        Revision.objects.select_related("page", "page__current_revision")
        .filter(pk=page.translated_from_id, page__deleted_at__isnull=True)
        .first()
    )
    if made_from is None:
        return None
    source = made_from.page
    current = source.current_revision
    if current is None or current.pk == made_from.pk:
        return None
    count = source.revisions.filter(number__gt=made_from.number).count()
    diff_url = reverse(
        "wiki:diff",
        kwargs={"slug": source.slug, "old_id": made_from.pk, "new_id": current.pk},
    )
    return Behind(source, count, diff_url)


def outdated_translations():
    """Live translations whose live source has changed since they were made, the
    longest-waiting first."""
    return (
        Page.objects.live()
        .filter(
            translated_from__isnull=False,
            translated_from__page__deleted_at__isnull=True,
        )
        .exclude(translated_from=F("translated_from__page__current_revision"))
        .select_related("translated_from__page")
        .order_by("translated_from__created_at", "pk")
    )
