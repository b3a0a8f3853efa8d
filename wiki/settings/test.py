"""Settings for the test suite: the base ones with a throwaway key, fast hashing."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-suite-key-not-secret")
os.environ.setdefault("DJANGO_DEBUG", "0")

from .base import *  # noqa: E402,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files from the source folders: a test run needs no collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # On disk, so that concurrent-save tests and the browser tests' live server can open
    # several real connections to it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405

# Request limits are tested where they are the subject (tests/wiki/test_limits.py);
# elsewhere a test may save or search as often as it needs.
RATELIMIT_ENABLE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
