"""Driving Django admin's forms as staff would."""

from django.urls import reverse


def change_page_in_admin(client, page, **fields):
    """POST the admin change form of `page` (with its one revision) with `fields`."""
    url = reverse("admin:wiki_page_change", args=[page.pk])
    assert client.get(url).status_code == 200
    return client.post(
        url,
        {
            "title": page.title,
            "revisions-TOTAL_FORMS": "1",
            "revisions-INITIAL_FORMS": "1",
            "revisions-MIN_NUM_FORMS": "0",
            "revisions-MAX_NUM_FORMS": "1000",
            "revisions-0-id": page.current_revision_id,
            "revisions-0-page": page.pk,
            **fields,
        },
    )
