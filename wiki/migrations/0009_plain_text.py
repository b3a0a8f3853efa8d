"""Drop control characters from text saved before forms refused them.

Titles, summaries and file notes lose every control character; bodies keep tab and
newline. A revision whose body changed gets its size recounted, and so does the size
change of the revision after it.
"""

from django.db import migrations

from wiki.text import without_unstorable

SINGLE_LINE = {
    "Page": ["title"],
    "Revision": ["summary"],
    "SearchDocument": ["title"],
    "File": ["licence"],
    "FileVersion": ["comment"],
}
MULTI_LINE = {"Revision": ["body", "html"], "File": ["description"]}


def _clean(model, fields, multiline):
    """Clean `fields` of every row of `model`; return the pks of changed rows."""
    changed = set()
    for pk, *values in model.objects.values_list("pk", *fields).iterator():
        cleaned = [without_unstorable(value, multiline=multiline) for value in values]
        if cleaned != values:
            model.objects.filter(pk=pk).update(**dict(zip(fields, cleaned)))
            changed.add(pk)
    return changed


def _recount_sizes(Revision, page_ids):
    for page_id in page_ids:
        previous_size = 0
        for revision in Revision.objects.filter(page_id=page_id).order_by("number"):
            revision.size = len(revision.body.encode("utf-8"))
            revision.size_change = revision.size - previous_size
            revision.save(update_fields=["size", "size_change"])
            previous_size = revision.size


def clean_text(apps, schema_editor):
    for model_name, fields in SINGLE_LINE.items():
        _clean(apps.get_model("wiki", model_name), fields, multiline=False)
    changed_revisions = set()
    for model_name, fields in MULTI_LINE.items():
        changed = _clean(apps.get_model("wiki", model_name), fields, multiline=True)
        if model_name == "Revision":
            changed_revisions = changed
    Revision = apps.get_model("wiki", "Revision")
    page_ids = set(
        Revision.objects.filter(pk__in=changed_revisions).values_list(
            "page_id", flat=True
        )
    )
    _recount_sizes(Revision, page_ids)


class Migration(migrations.Migration):
    dependencies = [("wiki", "0008_search_blocks")]

    operations = [migrations.RunPython(clean_text, migrations.RunPython.noop)]
