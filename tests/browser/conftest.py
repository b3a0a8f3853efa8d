"""Browser tests: pages of a live server in headless Chromium (tests/conftest.py)."""

import os

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def viewport_width():
    """A desktop; a test parametrizes it to look at a phone's width too."""
    return 1280


@pytest.fixture
def page(browser, live_server, viewport_width):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": viewport_width, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    # Every browser test runs under the site's real policy and must not break it.
    assert violations == []


@pytest.fixture
def logged_in(page, django_user_model):
    django_user_model.objects.create_user("editor", password="balloon-over-the-wall-7")
    return log_in(page, "editor", "balloon-over-the-wall-7")


def log_in(page, username, password):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("#content").get_by_role("button", name="Log in").click()
    page.wait_for_selector("#user-menu", state="attached")
    return page


@pytest.fixture
def staff_logged_in(page, staff_user):
    return log_in(page, "curator", "a-long-test-password")
