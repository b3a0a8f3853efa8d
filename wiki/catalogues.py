"""The interface's message catalogues: extracted from the code, kept per language in
locale/<code>/LC_MESSAGES/django.po, compiled to .mo, and checked for completeness.

Django's makemessages and compilemessages need GNU gettext, which a fresh machine does
not have; this does the same with Babel, a Python library. Templates go through
Django's own `templatize`, the step makemessages takes before xgettext, so that both
find the same strings.
"""

import gettext
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import django
import rest_framework
from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.utils.translation import to_locale
from django.utils.translation.template import templatize

DOMAIN = "django"
PROJECT = "Miracle in Cell No. 7 wiki"
# Django's translation functions, as Babel's keyword specs: (1, 'c') is a context.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_noop": None,
    "gettext_lazy": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
COMMENT_TAGS = ("Translators:",)
SOURCE_APPS = ("wiki", "films")
SKIPPED_DIRS = {"migrations", "tests", "__pycache__", "benchmarks"}
# Django's own strings the site shows (wiki/django_strings.py): a language Django
# translates them for need not.
BORROWED_FROM = "wiki/django_strings.py"
DJANGO_LOCALES = [
    Path(django.__file__).parent / "conf" / "locale",
    Path(django.__file__).parent / "contrib" / "auth" / "locale",
    Path(rest_framework.__file__).parent / "locale",
]
# %(name)s, %s, %d, {name}, {0}: what a translation must keep as the original has it.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def _base():
    return Path(settings.BASE_DIR)


def translated_languages():
    """Every interface language but the one the code is written in."""
    return [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def po_path(code):
    return Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def _sources():
    base = _base()
    for app in SOURCE_APPS:
        for path in sorted((base / app).rglob("*.py")):
            if not SKIPPED_DIRS.intersection(path.relative_to(base).parts):
                yield path, path.read_text(encoding="utf-8")
    templates = base / "templates"
    for path in sorted([*templates.rglob("*.html"), *templates.rglob("*.txt")]):
        if "bench" in path.relative_to(base).parts:
            continue
        code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        # templatize keeps each template line's indentation; Python's tokenizer
        # would read it as blocks.
        yield path, "\n".join(line.lstrip() for line in code.splitlines())


def extracted():
    """A catalogue of every string the code and templates mark for translation."""
    catalog = Catalog(project=PROJECT, charset="utf-8")
    base = _base()
    for path, code in _sources():
        messages = extract(
            "python",
            io.BytesIO(code.encode()),
            keywords=KEYWORDS,
            comment_tags=COMMENT_TAGS,
            options={"encoding": "utf-8"},
        )
        where = path.relative_to(base).as_posix()
        for line, message, comments, context in messages:
            if message and (message[0] if isinstance(message, tuple) else message):
                catalog.add(
                    message,
                    locations=[(where, line)],
                    auto_comments=comments,
                    context=context,
                )
    return catalog


def _read(code):
    path = po_path(code)
    if not path.exists():
        name = dict(settings.LANGUAGES)[code]
        return Catalog(
            locale=code,
            project=PROJECT,
            version="1",
            charset="utf-8",
            fuzzy=False,
            header_comment=f"# The wiki's interface in {name}.",
        )
    with path.open("rb") as file:
        return read_po(file, locale=code)


def update_catalogues():
    """Bring every language's .po up to the code: new strings added untranslated,
    strings the code no longer uses dropped. Answers the paths written."""
    template = extracted()
    written = []
    for code in translated_languages():
        catalog = _read(code)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path = po_path(code)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = io.BytesIO()
        write_po(text, catalog, width=88, sort_output=False)
        path.write_bytes(text.getvalue().rstrip(b"\n") + b"\n")
        written.append(path)
    return written


def compile_catalogues():
    """Write each language's .mo beside its .po; answers the paths written."""
    written = []
    for code in translated_languages():
        catalog = _read(code)
        path = po_path(code).with_suffix(".mo")
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as file:
            write_mo(file, catalog)
        written.append(path)
    return written


@dataclass(frozen=True)
class Fault:
    """What is wrong with one entry of one language's catalogue."""

    language: str
    message: str
    problem: str

    def __str__(self):
        return f"{self.language}: {self.message!r}: {self.problem}"


def _forms(value):
    return list(value) if isinstance(value, tuple | list) else [value]


def _placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def _entry_faults(entry, catalog):
    if entry is None:
        return ["missing"]
    if entry.fuzzy:
        return ["fuzzy"]
    translations = _forms(entry.string)
    if len(translations) < (catalog.num_plurals if entry.pluralizable else 1):
        return ["missing plural forms"]
    if not all(translations):
        return ["untranslated"]
    originals = _forms(entry.id)
    wanted = _placeholders(originals[-1])
    faults = []
    for text in translations:
        got = _placeholders(text)
        # A language with one plural form writes the count in words or not at all.
        if got != wanted and not (entry.pluralizable and set(got) <= set(wanted)):
            faults.append(f"placeholders {got} where the original has {wanted}")
    return faults


@cache
def _djangos(code):
    """The messages Django and REST framework translate into `code`, read from the
    compiled catalogues they ship, found as gettext finds them (ko in ko_KR)."""
    translated = set()
    for path in DJANGO_LOCALES:
        mo = gettext.find(DOMAIN, str(path), [to_locale(code)])
        if mo is not None:
            with open(mo, "rb") as file:
                for message in read_mo(file):
                    forms = _forms(message.string)
                    if message.id and all(forms) and not message.fuzzy:
                        translated.add(_forms(message.id)[0])
    return frozenset(translated)


def _translated_by_django(code, message):
    if any(where != BORROWED_FROM for where, _ in message.locations):
        return False
    return _forms(message.id)[0] in _djangos(code)


def catalogue_faults():
    """Every missing, fuzzy or untranslated entry, and every broken placeholder, in
    every language's catalogue, measured against the strings the code uses. Django's
    own strings need no entry where Django translates them."""
    template = extracted()
    faults = []
    for code in translated_languages():
        catalog = _read(code)
        for message in template:
            if not message.id or _translated_by_django(code, message):
                continue
            entry = catalog.get(message.id, context=message.context)
            label = _forms(message.id)[0]
            faults += [Fault(code, label, p) for p in _entry_faults(entry, catalog)]
    return faults
