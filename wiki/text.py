"""Plain text that every output can carry: HTML, XML 1.0, JSON and URLs.

C0 and C1 control characters, lone surrogates and the two non-characters U+FFFE and
U+FFFF cannot be written into XML 1.0 at all, and mean nothing in a title or a summary.
Forms refuse them at the edge (see wiki.forms.PlainTextFormMixin); outputs that must
not fail whatever is stored drop them (see `without_unstorable`).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Tab, newline and carriage return are the only controls a multi-line text keeps.
_UNSTORABLE = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
UNSTORABLE_IN_LINE = re.compile(rf"[{_UNSTORABLE}\t\n\r]")
UNSTORABLE_IN_TEXT = re.compile(rf"[{_UNSTORABLE}]")


def without_unstorable(text, *, multiline=True):
    """Return `text` with every character that no output can carry removed."""
    pattern = UNSTORABLE_IN_TEXT if multiline else UNSTORABLE_IN_LINE
    return pattern.sub("", text)


@deconstructible
class PlainTextValidator:
    """Refuse control characters, lone surrogates and non-characters in a text.

    A multi-line text keeps tab and newline (and the carriage returns browsers send).
    """

    def __init__(self, *, multiline=False):
        self.multiline = multiline

    def __call__(self, value):
        pattern = UNSTORABLE_IN_TEXT if self.multiline else UNSTORABLE_IN_LINE
        found = pattern.search(str(value))
        if found:
            raise ValidationError(
                _(
                    "This text holds an invisible control character (U+%(code)04X); "
                    "remove it and try again."
                ),
                code="control_character",
                params={"code": ord(found.group())},
            )

    def __eq__(self, other):
        return (
            isinstance(other, PlainTextValidator) and self.multiline == other.multiline
        )


_NUMBER = re.compile(r"[0-9]{1,18}")


def number_in(text):
    """The whole number a query parameter holds (ASCII digits, small enough for any
    database's integer), or None."""
    text = str(text or "")
    return int(text) if _NUMBER.fullmatch(text) else None
