"""Every address the README's table of addresses names answers on a seeded site, as
it did before namespaces were a field: the table is read from the README itself, its
placeholders filled with a film's page, its revisions, a user, a file, a category."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.support.builders import edit_page
from tests.support.images import image_bytes, upload
from wiki.models import Page
from wiki.services import talk_topic_add

TABLE = re.compile(r"^\| path \| what \|\n\| --- \| --- \|\n((?:\|.*\n)+)", re.M)
ADDRESS = re.compile(r"`((?:/|…/)[^`\s]*)`")
# Addresses that only take a POST: a GET is refused, never a 404.
POST_ONLY = {
    "/wiki/<slug>/watch/",
    "/accounts/logout/",
    "/wiki/<slug>/rollback/<username>/",
    "/wiki/<slug>/patrol/<id>/",
    "/wiki/<slug>/preview/",
}


def readme_addresses():
    """Each address the README's table names, in either column, `…/x/` spelt out
    under /wiki/<slug>/."""
    table = TABLE.search((Path(settings.BASE_DIR) / "README.md").read_text()).group(1)
    addresses = []
    for row in table.splitlines():
        for address in ADDRESS.findall(row):
            if address.startswith("…/"):
                address = "/wiki/<slug>/" + address.removeprefix("…/")
            if address not in addresses:
                addresses.append(address)
    return addresses


ADDRESSES = readme_addresses()


@pytest.fixture
def site(seeded, client, staff_user):
    """A film's page with two revisions and a talk topic, a user page, a file."""
    page = Page.objects.get(slug="miracle-in-cell-no-7")
    first = page.current_revision
    second = edit_page(page, first.body + "\nMore.\n", author=staff_user)
    talk_topic_add(page=page, subject="Sources", message="Which?", author=staff_user)
    client.force_login(staff_user)
    client.post(
        "/files/upload/",
        {"file": upload("Poster.jpg", image_bytes()), "description": "A poster."},
    )
    client.post(
        f"/wiki/user:{staff_user.username}/edit/", {"body": "Hello.", "summary": ""}
    )
    return {
        "<slug>": page.slug,
        "<id>": str(first.pk),
        "<old>": str(first.pk),
        "<new>": str(second.pk),
        "<user-name>": staff_user.username,
        "<file-name>": "Poster.jpg",
        "<category-slug>": "films",
    }


def filled(address, values):
    """`address` with its placeholders filled; `<name>` is a file's under /files/."""
    address = address.replace("?q=…", "?q=cell")
    if address.startswith("/files/"):
        address = address.replace("<name>", values["<file-name>"])
    if address.startswith(("/categories/", "/wiki/category:")):
        address = address.replace("<slug>", values["<category-slug>"])
    address = address.replace("<name>", values["<user-name>"])
    address = address.replace("<username>", values["<user-name>"])
    for placeholder, value in values.items():
        address = address.replace(placeholder, value)
    return address


def test_the_readme_names_the_addresses_of_every_kind_of_page(seeded):
    assert {
        "/wiki/<slug>/",
        "/wiki/<slug>/talk/",
        "/users/<name>/",
        "/categories/<slug>/",
        "/wiki/user:<name>/edit/",
        "/wiki/user:<name>/talk/",
        "/wiki/category:<slug>/edit/",
        "/wiki/<slug>/revisions/<id>/",
    } <= set(ADDRESSES)


@pytest.mark.parametrize("address", ADDRESSES)
def test_every_address_of_the_readme_answers(client, site, address):
    response = client.get(filled(address, site))
    if address in POST_ONLY:
        assert response.status_code == 405
    else:
        assert response.status_code in (200, 302), filled(address, site)
