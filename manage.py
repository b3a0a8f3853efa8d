#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings.base")
    # Local development: debug is on unless DJANGO_DEBUG says otherwise. The deploy
    # check is about production, so it checks the settings production runs with.
    os.environ.setdefault("DJANGO_DEBUG", "0" if "--deploy" in sys.argv else "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
