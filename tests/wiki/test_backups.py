"""`manage.py backup` and `restore`: a running wiki copied, and put back exactly on a
fresh database and media store, every revision, timestamp, byte, account and entry."""

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from tests.support.images import image_bytes, upload
from tests.support.servers import database_url
from wiki.images import clean_image
from wiki.services import file_upload, page_delete, talk_topic_add

pytestmark = pytest.mark.django_db(transaction=True)

# Every row of every model, each field as the database gives it back.
FINGERPRINT = """
import json, django
django.setup()
from django.apps import apps
rows = {}
for model in apps.get_models():
    fields = [f.attname for f in model._meta.concrete_fields]
    rows[model._meta.label] = [
        [repr(value) for value in row]
        for row in model._base_manager.order_by("pk").values_list(*fields)
    ]
print(json.dumps(rows))
"""


def fingerprint(database, media_root):
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wiki.settings.test",
        "DATABASE_URL": database,
        "MEDIA_ROOT": str(media_root),
    }
    result = subprocess.run(
        [sys.executable, "-c", FINGERPRINT],
        env=environ,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def manage(*args, database, media_root):
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wiki.settings.test",
        "DATABASE_URL": database,
        "MEDIA_ROOT": str(media_root),
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env=environ,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def files_in(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in Path(folder).rglob("*")
        if path.is_file()
    }


@pytest.fixture
def fresh_database(tmp_path):
    """An empty database of the test database's engine, dropped after the test."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    admin = database_url().rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
    yield database_url().rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def a_wiki_with_everything(user, staff_user):
    call_command("seed", verbosity=0)  # the film data, its pages and its history
    page = create_page(title="Cell", body="One.", author=user)
    edit_page(page, "One.\n\nTwo.", author=user, summary="more")
    talk_topic_add(page=page, subject="Age", message="Six?", author=user)
    image = clean_image(upload("Poster.jpg", image_bytes(size=(800, 600))))
    file_upload(name="Poster.jpg", image=image, author=user, description="The poster")
    doomed = create_page(title="Doomed", body="Soon gone.", author=user)
    page_delete(page=doomed, actor=staff_user, reason="Off topic")


def test_a_backup_restored_on_a_fresh_database_and_store_is_the_same_wiki(
    user, staff_user, settings, tmp_path, fresh_database
):
    a_wiki_with_everything(user, staff_user)
    folder = tmp_path / "backups"
    made = manage(
        "backup",
        "--output-dir",
        str(folder),
        database=database_url(),
        media_root=settings.MEDIA_ROOT,
    )
    assert made.returncode == 0, made.stderr
    [backup] = folder.iterdir()
    restored_media = tmp_path / "restored-media"
    restored = manage(
        "restore", str(backup), database=fresh_database, media_root=restored_media
    )
    assert restored.returncode == 0, restored.stderr

    before = fingerprint(database_url(), settings.MEDIA_ROOT)
    after = fingerprint(fresh_database, restored_media)
    assert after == before
    for label in ("wiki.Revision", "wiki.FileVersion", "wiki.LogEntry", "auth.User"):
        assert before[label], label
    # Timestamps with their microseconds: dumpdata would have cut them.
    with_microseconds = re.compile(r"datetime\(\d+(, \d+){6}")
    assert all(with_microseconds.search(" ".join(r)) for r in before["wiki.Revision"])
    assert files_in(restored_media) == files_in(settings.MEDIA_ROOT)
    assert len(files_in(settings.MEDIA_ROOT)) == 4  # the image and 3 thumbnails


def test_restore_refuses_a_wiki_with_pages_unless_forced(tmp_path, settings, user):
    create_page(title="Cell", body="One.")
    call_command("backup", output_dir=str(tmp_path / "backups"), verbosity=0)
    [backup] = (tmp_path / "backups").iterdir()
    refused = manage(
        "restore", str(backup), database=database_url(), media_root=settings.MEDIA_ROOT
    )
    assert refused.returncode != 0 and "--force" in refused.stderr


def test_after_a_restore_no_reader_is_served_a_page_from_before_it(tmp_path):
    page = create_page(title="Cell", body="As backed up.")
    call_command("backup", output_dir=str(tmp_path / "backups"), verbosity=0)
    [backup] = (tmp_path / "backups").iterdir()
    edit_page(page, "Written after the backup.")
    reader = Client()

    def text():
        html = parse_html(reader.get("/wiki/cell/").text)
        return html.select_one(".wiki-body").get_text(strip=True)

    assert text() == "Written after the backup."  # and kept for the next reader
    call_command("restore", str(backup), force=True, verbosity=0)
    assert text() == "As backed up."
