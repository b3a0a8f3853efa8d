"""Writes that keep a subject and its wiki page together."""

from contextlib import suppress

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from wiki import page_cache
from wiki.models import Page
from wiki.services import EditConflict, page_save


def film_data_changed():
    """Have every page drawn afresh once the change commits.

    A name or a figure shows far from its own page (in other subjects' infoboxes, the
    browse tables, the home page, categories), and film data changes rarely.
    """
    page_cache.invalidate(page_cache.EVERYTHING)


def subject_page_ensure(subject, *, author=None):
    """Give `subject` its wiki page if it has none yet; return the page."""
    if not Page.objects.filter(slug=subject.slug).exists():
        # EditConflict: someone created it meanwhile, so it has its page.
        with suppress(EditConflict):
            page_save(
                slug=subject.slug,
                title=subject.page_title,
                body="",
                author=author,
                # Stored, so in the site's language, whatever the admin reads in.
                summary=f"New {subject._meta.model_name} added in admin",
            )
    return Page.objects.get(slug=subject.slug)


class RestoreRefused(Exception):
    """The version cannot come back as it was; the message says why."""


@transaction.atomic
def version_restore(*, record, actor):
    """Make a recorded version of a row current again; the restore is recorded too.

    The version is checked as a form in admin would be, against today's data: a slug or
    a pairing since taken by another row, a film or actor since deleted, refuses it
    (RestoreRefused) rather than let the database, or nothing, say so.
    """
    instance = record.instance
    # A version of a row that still exists changes that row; one of a deleted row
    # brings it back under its old id.
    instance._state.adding = not type(instance).objects.filter(pk=instance.pk).exists()
    try:
        instance.full_clean()
    except ValidationError as error:
        raise RestoreRefused(_reasons(error)) from error
    instance._change_reason = (
        f"restored the version of {record.history_date:%Y-%m-%d %H:%M}"
    )
    instance._history_user = actor
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:
        raise RestoreRefused(f"The database refused it: {error}") from error
    film_data_changed()
    return instance


def _reasons(error):
    return " ".join(
        message for messages in error.message_dict.values() for message in messages
    )
