"""URL converters for the wiki's addresses, each kind of page address its own, as
wiki/namespaces.py spells them."""

from django.urls.converters import StringConverter

from . import namespaces


class PageSlugConverter(StringConverter):
    """Any page's slug: an article's (slugify(allow_unicode=True), letters of any
    script and digits), a user's or a category's page, or the talk page of any of
    them. Every page tool (edit, history, diff…) serves them all."""

    regex = namespaces.PAGE_PATTERN


class TalkPageConverter(StringConverter):
    """A talk page's address, which the view gets as the slug of its subject."""

    regex = namespaces.TALK_PATTERN

    def to_python(self, value):
        return namespaces.subject_slug(value)

    def to_url(self, value):
        return namespaces.talk_slug(value)


class UserPageConverter(StringConverter):
    """A user's page under /wiki/, which the view gets as the username."""

    regex = namespaces.USER_PAGE_PATTERN

    def to_python(self, value):
        return namespaces.name_in_namespace(value)

    def to_url(self, value):
        return namespaces.user_page_slug(value)


class CategoryPageConverter(StringConverter):
    """A category's page under /wiki/, which the view gets as the category's slug."""

    regex = namespaces.CATEGORY_PAGE_PATTERN

    def to_python(self, value):
        return namespaces.name_in_namespace(value)

    def to_url(self, value):
        return namespaces.category_page_slug(value)


class UsernameConverter(StringConverter):
    """A username as Django's validator allows it: letters, digits and @ . + - _."""

    regex = namespaces.USERNAME_PATTERN


class FileNameConverter(StringConverter):
    """A file name: anything but a slash or a control character (checked on upload)."""

    regex = r"[^/\x00-\x1f\x7f]{1,200}"


class CategorySlugConverter(StringConverter):
    """A category's slug: slugify(name, allow_unicode=True), letters of any script."""

    regex = namespaces.SUBJECT_SLUG_PATTERN
