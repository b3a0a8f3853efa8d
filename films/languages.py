"""Which language a name of the film data is in, for its `lang` mark.

The data names languages in English ("Korean", "Turkish"), as the source article
does; a name in such a language is marked with its code, so that a screen reader
reads 7번방의 선물 and 7. Koğuştaki Mucize each in its own voice.
"""

from functools import cache

from django.conf.locale import LANG_INFO
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# A BCP 47 language tag as the data needs one: a language, then a script or region.
language_code_validator = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
    _("A language code, such as ko, tr or kn-Latn."),
)


@cache
def _codes_by_name():
    codes = {
        info["name"].lower(): code
        for code, info in LANG_INFO.items()
        if "name" in info and "-" not in code
    }
    codes["filipino"] = codes["tagalog"] = "fil"
    return codes


def language_code(name):
    """The code of the language called `name` in English ("Turkish": "tr"), or ""
    when it is not known."""
    return _codes_by_name().get(name.strip().lower(), "") if name else ""
