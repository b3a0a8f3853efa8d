from django.urls.converters import StringConverter

from .models.pages import CATEGORY_PREFIX, SLUG_MAX_LENGTH, TALK_SUFFIX, USER_PREFIX


class PageSlugConverter(StringConverter):
    """A slug as slugify(allow_unicode=True) makes it, letters of any script and
    digits, or a user's page (user:name); a talk page's ends in /talk. Every page
    route serves all three kinds."""

    regex = (
        rf"(?:[-\w]{{1,{SLUG_MAX_LENGTH}}}|{USER_PREFIX}[\w.@+-]{{1,150}}"
        rf"|{CATEGORY_PREFIX}[-\w]{{1,{SLUG_MAX_LENGTH}}})(?:{TALK_SUFFIX})?"
    )


class UsernameConverter(StringConverter):
    """A username as Django's validator allows it: letters, digits and @ . + - _."""

    regex = r"[\w.@+-]{1,150}"


class FileNameConverter(StringConverter):
    """A file name: anything but a slash or a control character (checked on upload)."""

    regex = r"[^/\x00-\x1f\x7f]{1,200}"


class CategorySlugConverter(StringConverter):
    """A category's slug: slugify(name, allow_unicode=True), letters of any script."""

    regex = rf"[-\w]{{1,{SLUG_MAX_LENGTH}}}"
