"""The `aeo` command: Django's manage.py for this project."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aeo.settings")
    from django.core.management import execute_from_command_line

    from aeo.core import origin

    origin.set_for_command(sys.argv)

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
