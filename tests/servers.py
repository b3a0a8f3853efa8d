"""The site served by real gunicorn processes on the test database, as in production."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The test database, for a server process to open."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_until(check, *, seconds=10, what="the condition"):
    """Call `check` until it answers something true, for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while not (answer := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not come true in {seconds} s")
        time.sleep(0.1)
    return answer


def _environ(environ):
    """The test settings and database for a process of the site's own."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wiki.settings.test",
        "DATABASE_URL": database_url(),
        **environ,
    }


@contextmanager
def worker(**environ):
    """Run `manage.py worker` on the test database until the block ends; yield it.

    It looks for jobs every tenth of a second, so that tests wait little.
    """
    process = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "0.1", "--no-reload"],
        cwd=Path(settings.BASE_DIR),
        env=_environ(environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def gunicorn(workers=1, **environ):
    """Serve the site on a free port until the block ends; yield the port.

    The server reads the test settings (and the xdist worker's name, so that it opens
    the same cache as the test), with `environ` on top.
    """
    port = free_port()
    bind = f"127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "wiki.wsgi", "-b", bind, "-w", str(workers)],
        cwd=Path(settings.BASE_DIR),
        env=_environ(environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
