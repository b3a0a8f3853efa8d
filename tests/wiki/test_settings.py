"""Settings come from the environment, and production refuses to start insecurely."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.support.settings import load_settings
from wiki.settings.environment import WikiEnv


def test_debug_off_without_a_secret_key_refuses_to_start():
    result = load_settings(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_defaults_are_sqlite_and_a_cache_on_this_hosts_disk():
    result = load_settings(DJANGO_DEBUG="1")
    assert result.stdout.split() == [
        "True",
        "django.db.backends.sqlite3",
        "wiki.cache.HostCache",
    ]


def test_a_cache_folder_or_one_per_process_may_be_asked_for(tmp_path):
    folder = WikiEnv.cache_url_config(f"file://{tmp_path}/c")
    assert folder["BACKEND"] == "wiki.cache.HostCache"
    assert folder["LOCATION"] == f"{tmp_path}/c"
    assert WikiEnv.cache_url_config("locmem://")["BACKEND"].endswith("LocMemCache")


def test_database_and_cache_urls_are_honoured():
    result = load_settings(
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://u:p@db.example:5432/wiki",
        CACHE_URL="redis://127.0.0.1:6379/0",
    )
    assert result.stdout.split() == [
        "False",
        "django.db.backends.postgresql",
        "wiki.cache.SoftRedisCache",
    ]


def test_bad_cache_url_and_bad_flag_are_explained():
    with pytest.raises(ImproperlyConfigured):
        WikiEnv.cache_url_config("memcached://x")
    os.environ["TEST_FLAG_X"] = "maybe"
    try:
        with pytest.raises(ImproperlyConfigured):
            WikiEnv().bool("TEST_FLAG_X", False)
    finally:
        del os.environ["TEST_FLAG_X"]


def deploy_check(**environ):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "EMAIL_URL", "CACHE_URL", "WIKI_BASE_URL"))
    }
    env.update(environ, DJANGO_SETTINGS_MODULE="wiki.settings.base")
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-production-key-" + "k7Zq" * 12,
    "EMAIL_URL": "smtp://wiki:secret@mail.example.org:587",
    "CACHE_URL": "redis://cache.example.org:6379/0",
    "WIKI_BASE_URL": "https://wiki.example.org",
}


def test_production_settings_pass_the_deploy_check():
    result = deploy_check(**PRODUCTION)
    assert result.returncode == 0, result.stderr


def test_the_deploy_check_checks_with_debug_off():
    # The deploy check runs production's settings, debug off: with no key, they refuse
    # to load.
    result = deploy_check()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    ("missing", "check"), [("EMAIL_URL", "wiki.W001"), ("CACHE_URL", "wiki.W002")]
)
def test_the_deploy_check_warns_of_what_production_lacks(missing, check):
    environ = {name: value for name, value in PRODUCTION.items() if name != missing}
    result = deploy_check(**environ)
    assert result.returncode != 0
    assert check in result.stderr and missing in result.stderr


def test_email_url_configures_outgoing_mail():
    result = load_settings(
        DJANGO_DEBUG="1",
        EMAIL_URL="smtp://wiki:secret@mail.example.org:587",
        DJANGO_DEFAULT_FROM_EMAIL="wiki@example.org",
        code="print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.DEFAULT_FROM_EMAIL)",
    )
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "587",
        "wiki@example.org",
    ]
    console = load_settings(DJANGO_DEBUG="1", code="print(s.EMAIL_BACKEND)")
    assert console.stdout.split() == ["django.core.mail.backends.console.EmailBackend"]


def test_images_from_the_object_store_are_allowed_by_the_content_security_policy():
    code = "print(*s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    store = {"DJANGO_DEBUG": "1", "MEDIA_S3_BUCKET": "media"}
    local = load_settings(code, DJANGO_DEBUG="1").stdout.split()
    cdn = load_settings(
        code, **store, MEDIA_PUBLIC_URL="https://media.example.org/wiki/"
    ).stdout.split()
    aws = load_settings(code, **store).stdout.split()
    assert local == ["'self'", "data:"]
    assert cdn == ["'self'", "data:", "https://media.example.org"]
    assert aws == ["'self'", "data:", "https://*.amazonaws.com"]


def manage_py_debug(**environ):
    """DEBUG as `manage.py` runs, in a fresh process under `environ` alone."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env={**env, **environ},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-1]


def test_manage_py_runs_the_local_settings_with_debug_on():
    assert manage_py_debug() == "True"
    assert manage_py_debug(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="k" * 50) == "False"
    # Whatever the command: debug follows the settings module, not the arguments.
    production = manage_py_debug(
        DJANGO_SETTINGS_MODULE="wiki.settings.base", DJANGO_SECRET_KEY="k" * 50
    )
    assert production == "False"


def test_deploy_checks_warn_when_the_base_url_is_not_set(monkeypatch):
    from wiki.checks import check_base_url

    monkeypatch.delenv("WIKI_BASE_URL", raising=False)
    assert [warning.id for warning in check_base_url(None)] == ["wiki.W004"]
    monkeypatch.setenv("WIKI_BASE_URL", "https://wiki.example.org")
    assert check_base_url(None) == []


def test_the_deploy_check_warns_of_an_unset_base_url():
    unset = {
        name: value for name, value in PRODUCTION.items() if name != "WIKI_BASE_URL"
    }
    result = deploy_check(**unset)
    assert result.returncode != 0
    assert "wiki.W004" in result.stderr + result.stdout
