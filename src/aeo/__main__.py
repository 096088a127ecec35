"""The `aeo` command: Django's manage.py for this project."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aeo.settings")
    if sys.argv[1:2] == ["demo"]:
        os.environ.setdefault("AEO_DEMO", "1")  # the demo's own key, plain HTTP on 127.0.0.1
    from django.core.management import execute_from_command_line

    from aeo.core import origin

    origin.set_for_command(sys.argv)

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
