from django.core.management.base import BaseCommand, CommandError

from ...catalogues import catalogue_faults, compile_catalogues, update_catalogues


class Command(BaseCommand):
    help = (
        "The interface's translations: `update` adds the code's new strings to every "
        "language's .po, `compile` writes the .mo files the site reads, `check` fails "
        "on a missing, fuzzy or untranslated entry or a broken placeholder."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "compile", "check"])

    def handle(self, *args, action, **options):
        if action == "check":
            faults = catalogue_faults()
            if faults:
                raise CommandError(
                    f"{len(faults)} faults in the catalogues:\n"
                    + "\n".join(map(str, faults))
                )
            self.stdout.write("Every catalogue holds every string.")
            return
        paths = update_catalogues() if action == "update" else compile_catalogues()
        if options["verbosity"]:
            for path in paths:
                self.stdout.write(f"Wrote {path}")
