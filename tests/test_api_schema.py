"""schemathesis against the read API on a live server: requests generated from the
OpenAPI schema, seeded data behind them, in every phase (the schema's examples, its
coverage of each parameter's edges, fuzzing, and stateful sequences that follow
links), under every check: any 5xx, an answer that breaks the schema (its status
documented, its body and content type as the schema says), a schema-valid request
refused or a schema-violating one accepted, fails."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.support.servers import gunicorn

pytestmark = pytest.mark.django_db(transaction=True)
PHASES = "examples,coverage,fuzzing,stateful"
CONFIG = Path(__file__).with_name("schemathesis.toml")


def test_the_api_keeps_to_its_schema(tmp_path):
    call_command("seed", verbosity=0)
    with gunicorn(CACHE_URL="") as port:
        run = subprocess.run(
            [
                str(Path(sys.executable).parent / "st"),
                "--config-file",
                str(CONFIG),
                "run",
                f"http://127.0.0.1:{port}/api/schema/",
                "--checks",
                "all",
                "--phases",
                PHASES,
                "--max-examples",
                "30",
                "--generation-database",
                "none",
            ],
            cwd=tmp_path,  # where it keeps its cache: not in the repository
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "No issues found" in run.stdout or "passed" in run.stdout
