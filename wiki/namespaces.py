"""Namespaces: what kind of page a page is, and how its title and slug say so.

Every page is in one namespace, kept as data on `Page.namespace`. Its slug is its
address, unique across the wiki, so every namespace but the articles' marks its
slugs: a talk page's slug is its subject's and `/talk` (no title's slug holds a
slash); a user's page is `user:<name>` and a category's `category:<slug>` (no
title's slug holds a colon); a deleted page gives its address up for `deleted:<id>`.

This module is the one place that writes those marks or reads them: the rest of the
wiki asks it, or reads `Page.namespace`.
"""

from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat
from django.utils.text import slugify

SLUG_MAX_LENGTH = 200
USERNAME_MAX_LENGTH = 150


class Namespace(models.IntegerChoices):
    """MediaWiki's numbers: an even one holds subjects, the odd one after it their
    talk pages, and an imported or exported page keeps its place."""

    ARTICLE = 0, "Article"
    TALK = 1, "Talk"
    USER = 2, "User"
    USER_TALK = 3, "User talk"
    CATEGORY = 14, "Category"
    CATEGORY_TALK = 15, "Category talk"

    @property
    def is_talk(self):
        return self.value % 2 == 1

    @property
    def subject(self):
        """The namespace whose pages this one's talk of (itself, for subjects)."""
        return Namespace(self.value & ~1)

    @property
    def talk(self):
        return Namespace(self.value | 1)


TALK_NAMESPACES = tuple(ns for ns in Namespace if ns.is_talk)

_TALK_SUFFIX = "/talk"
_SLUG_PREFIXES = {Namespace.USER: "user:", Namespace.CATEGORY: "category:"}
_TITLE_PREFIXES = {
    Namespace.TALK: "Talk:",
    Namespace.USER: "User:",
    Namespace.CATEGORY: "Category:",
}
_DELETED_PREFIX = "deleted:"

# The longest slug: a subject's, with its namespace's prefix and the talk suffix.
ADDRESS_MAX_LENGTH = SLUG_MAX_LENGTH + len("category:") + len(_TALK_SUFFIX)


def slug_for_title(title):
    """The one slug a title maps to: `Lee Yong-gu` -> `lee-yong-gu`, Hangul kept."""
    return slugify(title, allow_unicode=True)[:SLUG_MAX_LENGTH].strip("-")


def namespace_of(slug):
    """The namespace the page at `slug` is in."""
    subject = subject_slug(slug)
    namespace = next(
        (ns for ns, prefix in _SLUG_PREFIXES.items() if subject.startswith(prefix)),
        Namespace.ARTICLE,
    )
    return namespace.talk if slug.endswith(_TALK_SUFFIX) else namespace


def slug_in(namespace, name):
    """The slug of the page called `name` in `namespace`: a slug for articles and
    categories, a username for users."""
    namespace = Namespace(namespace)
    slug = _SLUG_PREFIXES.get(namespace.subject, "") + name
    return slug + _TALK_SUFFIX if namespace.is_talk else slug


def name_in_namespace(slug):
    """What `slug` calls its page within its namespace: `user:alice/talk` -> alice."""
    subject = subject_slug(slug)
    prefix = _SLUG_PREFIXES.get(namespace_of(subject), "")
    return subject.removeprefix(prefix)


def subject_slug(slug):
    """The slug of the page that `slug` talks of (itself, for a subject page)."""
    return slug.removesuffix(_TALK_SUFFIX)


def talk_slug(slug):
    """The slug of the talk page of the page at `slug` (or of its subject)."""
    return subject_slug(slug) + _TALK_SUFFIX


def talk_slug_of(field):
    """A database expression: the talk page's slug of the page whose slug `field`
    holds."""
    return Concat(field, Value(_TALK_SUFFIX))


def user_page_slug(username):
    return slug_in(Namespace.USER, username)


def category_page_slug(category_slug):
    return slug_in(Namespace.CATEGORY, category_slug)


def title_in(namespace, name):
    """The title of the page called `name` in the subject `namespace`."""
    return _TITLE_PREFIXES.get(Namespace(namespace), "") + name


def talk_title(subject_title):
    """A talk page's title: its subject's, after `Talk:`."""
    return title_in(Namespace.TALK, subject_title)


def category_title(name):
    return title_in(Namespace.CATEGORY, name)


def category_named_by(title):
    """The category name a link title such as `Category:Remakes` names, or None."""
    prefix = _TITLE_PREFIXES[Namespace.CATEGORY]
    if not title.lower().startswith(prefix.lower()):
        return None
    return " ".join(title[len(prefix) :].split())


def file_named_by(title):
    """The file name a link title such as `File:Poster.jpg` names, or None. Files
    are not pages here, but their titles are kept for them: no page takes one."""
    prefix = "File:"
    if not title.lower().startswith(prefix.lower()):
        return None
    return title[len(prefix) :].strip()


def category_name_of(page_title):
    """A category page's title without its prefix: `Category:Remakes` -> Remakes."""
    return page_title.removeprefix(_TITLE_PREFIXES[Namespace.CATEGORY])


def deleted_slug(page_id):
    """The address a deleted page takes, freeing its own: no URL reaches it."""
    return f"{_DELETED_PREFIX}{page_id}"


# The URL patterns of each kind of page address, for wiki.converters.
SUBJECT_SLUG_PATTERN = rf"[-\w]{{1,{SLUG_MAX_LENGTH}}}"
USERNAME_PATTERN = rf"[\w.@+-]{{1,{USERNAME_MAX_LENGTH}}}"
USER_PAGE_PATTERN = _SLUG_PREFIXES[Namespace.USER] + USERNAME_PATTERN
CATEGORY_PAGE_PATTERN = _SLUG_PREFIXES[Namespace.CATEGORY] + SUBJECT_SLUG_PATTERN
SUBJECT_PATTERN = (
    rf"(?:{SUBJECT_SLUG_PATTERN}|{USER_PAGE_PATTERN}|{CATEGORY_PAGE_PATTERN})"
)
TALK_PATTERN = SUBJECT_PATTERN + _TALK_SUFFIX
PAGE_PATTERN = rf"{SUBJECT_PATTERN}(?:{_TALK_SUFFIX})?"
