"""Driving Django admin's forms as staff would."""

from django.urls import reverse

from tests.support.html import parse_html


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


def form_fields(html):
    """What a browser sends of the first admin form in `html` as it stands: every
    field's value, the inlines' management forms and rows included."""
    form = parse_html(html).select_one("#content-main form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        kind = field.get("type", "")
        if kind in ("submit", "button", "file") or "__prefix__" in field["name"]:
            continue
        if kind == "checkbox":
            if field.has_attr("checked"):
                data[field["name"]] = field.get("value", "on")
        elif field.name == "select":
            chosen = field.select_one("option[selected]")
            data[field["name"]] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            data[field["name"]] = field.text
        else:
            data[field["name"]] = field.get("value", "")
    return data


def submit_admin_form(client, url, **fields):
    """GET the admin form at `url` and POST it back with `fields` changed, as staff
    filling it in would."""
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, {**form_fields(page.content), **fields})
