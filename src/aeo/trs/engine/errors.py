"""Errors the engine raises; their messages are meant for the person running the study."""


class TrsError(Exception):
    """The study cannot be computed (bad arguments, unreadable input, backend failure)."""


class InputError(TrsError):
    """The input file is missing, unreadable, of an unknown format, or lacks a column."""


def first_line(exc: BaseException) -> str:
    """The first line of a library's error, to quote in ours."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
