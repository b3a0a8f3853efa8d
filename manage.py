#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    # Local development (debug on); production's settings are wiki.settings.base, which
    # `DJANGO_SETTINGS_MODULE=wiki.settings.base manage.py check --deploy` checks.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
