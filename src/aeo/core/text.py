"""Text checked at the boundary: what a database cannot store never reaches a service.

PostgreSQL refuses a NUL character in text; SQLite stores it and Python later fails to
encode a lone surrogate (half of a UTF-16 pair) when a page shows it. Both are refused
where input enters: `aeo.core.middleware.InputCheckMiddleware` checks every query
parameter, form field, file name and JSON string before a view runs.
"""

import re
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext_lazy as _

INVALID_TEXT = "invalid_text"

_NUL = "\x00"
_BAD = re.compile("[\x00\ud800-\udfff]")


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored as text, or None when it can."""
    match = _BAD.search(value)
    if match is None:
        return None
    if match.group() == _NUL:
        return str(_("Text may not contain the NUL character."))
    return str(_("Text may not contain unpaired surrogate characters."))


def json_problems(data: Any) -> Iterator[tuple[str | None, str]]:
    """(field, message) for every string (or key) in parsed JSON that cannot be stored.

    Iterative, so a deeply nested document cannot exhaust the stack."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                yield (path or None), problem
        elif isinstance(value, dict):
            for key, child in value.items():
                problem = text_problem(str(key))
                if problem:
                    yield (path or None), problem
                else:
                    stack.append((f"{path}.{key}" if path else str(key), child))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                stack.append((f"{path}.{index}" if path else str(index), child))
