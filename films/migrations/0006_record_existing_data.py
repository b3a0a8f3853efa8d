"""Give every row that exists as data history begins its first recorded version, so
that the first change to it shows what it changed from."""

from django.db import migrations
from django.utils import timezone

MODELS = [
    "Film",
    "Character",
    "Actor",
    "Remake",
    "Role",
    "RemakeStar",
    "BoxOfficeFigure",
    "ExternalLink",
]


def record_existing(apps, schema_editor):
    now = timezone.now()
    for name in MODELS:
        model = apps.get_model("films", name)
        historical = apps.get_model("films", f"Historical{name}")
        fields = [field.attname for field in model._meta.concrete_fields]
        historical.objects.bulk_create(
            historical(
                **{field: getattr(row, field) for field in fields},
                history_date=now,
                history_type="+",
                history_change_reason="recorded as data history began",
            )
            for row in model.objects.all()
        )


class Migration(migrations.Migration):
    dependencies = [("films", "0005_data_history")]

    operations = [migrations.RunPython(record_existing, migrations.RunPython.noop)]
