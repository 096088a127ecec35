"""Errors the engine raises; their messages are meant for the person running the study."""


class TrsError(Exception):
    """The study cannot be computed (bad arguments, unreadable input, backend failure)."""


class InputError(TrsError):
    """The input file is missing, unreadable, of an unknown format, or lacks a column."""
