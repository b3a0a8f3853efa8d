"""The site served by real gunicorn processes on the test database, as in production."""

import http.client
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from tests.support.html import parse_html
from tests.support.images import image_bytes, upload

PASSWORD = "a-long-test-password"  # the `user` fixture's


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


def image_in_chromium(browser, url, selector="#content img"):
    """Open `url` in Chromium: the image's address and its decoded width (0 when the
    browser could not show it), and what the Content-Security-Policy refused."""
    context = browser.new_context()
    try:
        page = context.new_page()
        console = []
        page.on("console", lambda message: console.append(message.text))
        page.goto(url, wait_until="load")
        image = page.locator(selector)
        width = image.evaluate("img => img.complete ? img.naturalWidth : 0")
        refused = [text for text in console if "Content Security Policy" in text]
        return image.get_attribute("src"), width, refused
    finally:
        context.close()


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


class Browser:
    """One reader's browser: its cookies go with it to whichever host it asks."""

    def __init__(self, address=None):
        """`address`: where the browser is, as a proxy in front of the hosts tells
        them (X-Forwarded-For; the hosts must trust one proxy)."""
        self.cookies = {}
        self.address = address

    def request(self, port, method, path, body=None, content_type=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if self.address:
            headers["X-Forwarded-For"] = self.address
        if content_type:
            headers["Content-Type"] = content_type
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        text = response.read().decode()
        connection.close()
        return response.status, text

    def get(self, port, path):
        return self.request(port, "GET", path)

    def submit(self, port, path, fields, files=None):
        """Fill in and send the form at `path`, as a person would: CSRF token, hidden
        fields and all."""
        _, page = self.get(port, path)
        form = parse_html(page).select_one(f'form[method="post"][action="{path}"]')
        if form is None:
            form = parse_html(page).select_one("main form[method=post]")
        data = {
            field["name"]: field.get("value", "")
            for field in form.select("input[type=hidden]")
        }
        data.update(fields)
        if files:
            body = encode_multipart(BOUNDARY, {**data, **files})
            return self.request(port, "POST", path, body, MULTIPART_CONTENT)
        body = urlencode(data)
        return self.request(
            port, "POST", path, body, "application/x-www-form-urlencoded"
        )

    def upload_poster(self, port):
        """Upload an 800 × 600 `Poster.jpg` through the upload form."""
        return self.submit(
            port,
            "/files/upload/",
            {"name": "Poster.jpg", "description": "The poster"},
            files={"file": upload("Poster.jpg", image_bytes(size=(800, 600)))},
        )

    def log_in(self, port, username, password=PASSWORD):
        return self.submit(
            port, "/accounts/login/", {"username": username, "password": password}
        )
