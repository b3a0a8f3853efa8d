"""Settings come from the environment, and production refuses to start insecurely."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from wiki.settings.base import cache_from_url, env_flag


def load_settings(**environ):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "CACHE_"))
    }
    env.update(environ)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import wiki.settings.base as s; print(s.DEBUG, "
            "s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_debug_off_without_a_secret_key_refuses_to_start():
    result = load_settings(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_defaults_are_sqlite_and_local_memory():
    result = load_settings(DJANGO_DEBUG="1")
    assert result.stdout.split() == [
        "True",
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_database_and_cache_urls_are_honoured():
    result = load_settings(
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://u:p@db.example:5432/wiki",
        CACHE_URL="redis://127.0.0.1:6379/0",
    )
    assert result.stdout.split() == [
        "False",
        "django.db.backends.postgresql",
        "django.core.cache.backends.redis.RedisCache",
    ]


def test_bad_cache_url_and_bad_flag_are_explained():
    with pytest.raises(ImproperlyConfigured):
        cache_from_url("memcached://x")
    os.environ["TEST_FLAG_X"] = "maybe"
    try:
        with pytest.raises(ImproperlyConfigured):
            env_flag("TEST_FLAG_X", False)
    finally:
        del os.environ["TEST_FLAG_X"]


def test_production_settings_pass_the_deploy_check():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="a-production-key-" + "k7Zq" * 12)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
