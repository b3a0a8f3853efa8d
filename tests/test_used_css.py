"""The part of Bootstrap that pages are sent (static/css/bootstrap.used.css) is what
bin/used-css.mjs writes from today's templates, code and scripts: a class added to a
template without writing the file again fails here."""

import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PURGECSS = ROOT / "node_modules" / "purgecss"


@pytest.mark.skipif(
    shutil.which("node") is None or not PURGECSS.exists(),
    reason="Node and npm's purgecss (make checkers) are not installed",
)
def test_the_committed_css_is_what_the_templates_use(tmp_path):
    written = tmp_path / "bootstrap.used.css"
    subprocess.run(
        [shutil.which("node"), "bin/used-css.mjs", str(written)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "SITE_PACKAGES": sysconfig.get_paths()["purelib"]},
    )
    committed = (ROOT / "static" / "css" / "bootstrap.used.css").read_text()
    assert written.read_text() == committed, "run `node bin/used-css.mjs` and commit it"


def test_every_page_is_sent_the_used_part_only(client, db):
    html = client.get("/accounts/login/").text
    assert "css/bootstrap.used" in html
    assert "bootstrap.min.css" not in html
