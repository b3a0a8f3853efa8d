"""Settings for the test suite: the base ones with a throwaway key, fast hashing."""

import os
from urllib.parse import urlsplit

os.environ.setdefault("DJANGO_SECRET_KEY", "test-suite-key-not-secret")
os.environ.setdefault("DJANGO_DEBUG", "0")

from .base import *  # noqa: F403

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

_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if CACHES["default"]["BACKEND"] == "wiki.cache.HostCache":  # noqa: F405
    # Tests empty the cache between them: each parallel worker gets a folder of its own,
    # which the servers a test starts share, as the processes of one host do.
    CACHES["default"]["LOCATION"] = str(BASE_DIR / ".test-cache" / (_worker or "main"))  # noqa: F405
if _worker and CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405
    # Tests empty the cache between them: each parallel worker gets a Redis database
    # of its own, counting down from the one CACHE_URL names, so none empties another's.
    _url = urlsplit(CACHES["default"]["LOCATION"])  # noqa: F405
    _number = (int(_url.path.strip("/") or 0) - int(_worker.removeprefix("gw"))) % 16
    CACHES["default"]["LOCATION"] = _url._replace(path=f"/{_number}").geturl()  # noqa: F405

# Request limits are tested where they are the subject (tests/wiki/test_limits.py);
# elsewhere a test may save or search as often as it needs.
RATELIMIT_ENABLE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
