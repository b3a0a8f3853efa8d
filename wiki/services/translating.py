"""Translating a page: a new page in another language, linked to its source as one
translation group, remembering the source revision it was made from."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from ..models import Page, TranslationGroup
from ..namespaces import Namespace, slug_for_title
from ..translations import LANGUAGE_NAMES, languages_to_translate_into
from .pages import Refused
from .publishing import pages_changed
from .revisions import locked_page, page_create


class TranslationRefused(Refused):
    """No such translation may be made; the message says why."""


def _refusal(source, language, slug):
    if not source.is_article:
        return _("Only articles are translated; their talk pages follow them.")
    if language not in LANGUAGE_NAMES:
        return _("The wiki has no language “%(code)s”.") % {"code": language}
    if language not in dict(languages_to_translate_into(source)):
        return _(
            "This page is in %(language)s already, or has a translation in it."
        ) % {"language": LANGUAGE_NAMES[language]}
    if not slug:
        return _("The title needs at least one letter or digit.")
    if Page.at_address(slug).kind != Namespace.ARTICLE:
        return _("A translation is an article: its title cannot name a namespace.")
    if Page.objects.filter(slug=slug).exists():
        return _("A page already exists at /wiki/%(slug)s/; choose another title.") % {
            "slug": slug
        }
    return ""


def page_translate(*, source, language, title, body, author, summary=""):
    """Create the translation of `source` into `language`, titled `title`, and
    link it into `source`'s translation group (made now if it had none).

    It records the source's current revision, so that it can say when the source
    has changed since. TranslationRefused says why it may not be made, also when
    someone else made that page, or that translation, a moment before.
    """
    try:
        return _translate(source, language, title, body, author, summary)
    except IntegrityError as error:
        raise TranslationRefused(
            _("Someone else made that page or that translation just now; look again.")
        ) from error


@transaction.atomic
def _translate(source, language, title, body, author, summary):
    source = locked_page(source.slug)
    slug = slug_for_title(title)
    refused = _refusal(source, language, slug)
    if refused:
        raise TranslationRefused(refused)
    if source.translation_group_id is None:
        source.translation_group = TranslationGroup.objects.create()
        source.save(update_fields=["translation_group"])
    made_from = source.current_revision
    revision = page_create(
        slug=slug,
        title=title,
        body=body,
        author=author,
        summary=summary
        or f"Translated from “{source.title}”, revision {made_from.number}",
        language=language,
    )
    page = revision.page
    page.translation_group = source.translation_group
    page.translated_from = made_from
    page.save(update_fields=["translation_group", "translated_from"])
    pages_changed(
        *Page.objects.filter(translation_group=source.translation_group).values_list(
            "slug", flat=True
        )
    )
    return revision
