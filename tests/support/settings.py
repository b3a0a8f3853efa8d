"""Loading the settings in a fresh interpreter, in an environment of a test's own."""

import os
import subprocess
import sys

SUMMARY = (
    "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])"
)


def load_settings(code=SUMMARY, **environ):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "CACHE_", "EMAIL_URL"))
    }
    env.update(environ)
    return subprocess.run(
        [sys.executable, "-c", f"import wiki.settings.base as s; {code}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
