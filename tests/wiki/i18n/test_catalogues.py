"""The shipped catalogues hold every string the code uses, translated, with its
placeholders; `manage.py catalogues check` says which entry is wrong when one is."""

import io
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.core.management import CommandError, call_command

SHIPPED = Path(settings.BASE_DIR) / "locale"


def test_every_shipped_catalogue_holds_every_string():
    out = io.StringIO()
    call_command("catalogues", "check", stdout=out)
    assert "Every catalogue holds every string." in out.getvalue()


@pytest.fixture
def locale_copy(settings, tmp_path):
    """The shipped catalogues, copied where a test may break them."""
    copy = tmp_path / "locale"
    shutil.copytree(SHIPPED, copy, ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [copy]
    return copy


def rewrite(locale, code, change):
    path = locale / code / "LC_MESSAGES" / "django.po"
    with path.open("rb") as file:
        catalog = read_po(file, locale=code)
    change(catalog)
    with path.open("wb") as file:
        write_po(file, catalog)


def faults():
    with pytest.raises(CommandError) as refused:
        call_command("catalogues", "check")
    return str(refused.value)


def test_a_missing_string_is_named(locale_copy):
    rewrite(locale_copy, "tr", lambda catalog: catalog.delete("Recent changes"))
    assert "tr: 'Recent changes': missing" in faults()


def test_a_fuzzy_entry_is_named(locale_copy):
    def fuzzy(catalog):
        catalog["Watchlist"].flags.add("fuzzy")

    rewrite(locale_copy, "ko", fuzzy)
    assert "ko: 'Watchlist': fuzzy" in faults()


def test_an_empty_translation_is_named(locale_copy):
    def empty(catalog):
        catalog["Log in"].string = ""

    rewrite(locale_copy, "kn", empty)
    assert "kn: 'Log in': untranslated" in faults()


def test_a_broken_placeholder_is_named(locale_copy):
    def broken(catalog):
        catalog["Contributions of %(username)s"].string = "Katkılar: %(user)s"

    rewrite(locale_copy, "tr", broken)
    assert "tr: 'Contributions of %(username)s': placeholders" in faults()


def test_compiling_writes_what_the_site_reads(locale_copy):
    call_command("catalogues", "compile", verbosity=0)
    compiled = sorted(p.parent.parent.name for p in locale_copy.rglob("django.mo"))
    assert compiled == sorted(code for code, _ in settings.LANGUAGES[1:])
