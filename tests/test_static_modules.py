"""The site's ES modules, collected as production serves them: every import names
a hashed file that the collection holds, so no module loads a stale neighbour."""

import re

from django.core.management import call_command
from django.test import override_settings

IMPORT = re.compile(r'^import [^"]*"(\./[^"]+)";$', re.MULTILINE)


def test_collected_modules_import_their_hashed_neighbours(tmp_path):
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "wiki.staticfiles.StaticFilesStorage"},
        },
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    hashed = [
        path
        for path in (tmp_path / "js").rglob("*.js")
        if re.search(r"\.[0-9a-f]{12}\.js$", path.name)
    ]
    imports = [
        (path, target) for path in hashed for target in IMPORT.findall(path.read_text())
    ]
    assert len(imports) >= 8  # editor.js's four, and the modules that share theirs
    for path, target in imports:
        assert re.search(r"\.[0-9a-f]{12}\.js$", target), (path.name, target)
        assert (path.parent / target).resolve().is_file(), (path.name, target)
