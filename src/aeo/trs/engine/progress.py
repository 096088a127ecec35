"""Progress on the terminal: shown on stderr when it is a TTY, silent otherwise."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


def _enabled(show: bool | None) -> bool:
    return sys.stderr.isatty() if show is None else show


@contextmanager
def status(message: str, show: bool | None = None) -> Iterator[None]:
    """A spinner while a query runs."""
    if not _enabled(show):
        yield
        return
    with Console(stderr=True).status(message):
        yield


@contextmanager
def bar(description: str, total: int, show: bool | None = None) -> Iterator[Callable[[int], None]]:
    """A progress bar; yields a function that advances it by n."""
    if not _enabled(show):
        yield lambda n: None
        return
    columns = (TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(description, total=total)
        yield lambda n: progress.advance(task, n)
