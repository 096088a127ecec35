"""Answers kept while the rows they read are unchanged: for public reads asked far more often
than what they show changes (the status lookup)."""

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from time import monotonic
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from aeo.core import db

View = Callable[..., HttpResponse]

KEPT_ANSWERS = 20_000  # per process, the least recently given dropped first (a lookup: ~1 KB)
KEPT_PATH_MAX = 300  # a longer path and query string is answered but not kept (memory)
VERSION_READ_EVERY = 0.01  # seconds: a commit is seen by the lookups at most this long after

_answers: OrderedDict[str, tuple[Any, bytes, str]] = OrderedDict()
_lock = threading.Lock()
_seen = threading.local()  # per thread, by version's name: its value last read, and when


def current_version(name: str) -> Any:
    """The version `name` (`core.db.version`), read again at most every `VERSION_READ_EVERY`
    per thread: on PostgreSQL a read is a round trip (some 0.2 ms under load, a fifth of a
    kept answer's time), and at a thousand lookups a second one read in ten does. The time is
    taken before the read: no version is used longer than `VERSION_READ_EVERY` after it was
    read."""
    now = monotonic()
    seen = getattr(_seen, name, None)
    if seen is None or now - seen[1] >= VERSION_READ_EVERY:
        seen = (db.version(name), now)
        setattr(_seen, name, seen)
    return seen[0]


def kept(seconds: int, version: str) -> Callable[[View], View]:
    """Keep a view's successful answers in this process, per full path and language, for as
    long as the rows they read are unchanged (the counter `version`, moved by triggers on those
    rows: `core.db.MovesVersion`, read at most every `VERSION_READ_EVERY`, so a change is seen
    within that of its commit), and mark them `public, max-age=seconds` for shared caches. A
    kept answer is given without running the view (around a ninja operation: no query, no
    serialization, no throttle check): other writes, however many, leave it kept.

    The version is read before the view runs: an answer read while a change commits is kept
    under the version before it, and the next request, which sees the new version, reads again.
    Django's `cache_page` keeps answers for a time instead, and costs about 0.25 ms per answer
    it does not have (an absolute URI, a hashed header key, a pickled response)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            key = f"{get_language()} {request.get_full_path()}"
            if request.method not in ("GET", "HEAD") or len(key) > KEPT_PATH_MAX:
                return view(request, *args, **kwargs)
            seen = current_version(version)
            with _lock:
                found = _answers.get(key)
                if found is not None and found[0] != seen:
                    found = None
                if found is not None:
                    _answers.move_to_end(key)
            if found is not None:
                response = HttpResponse(found[1], content_type=found[2])
            else:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming or response.cookies:
                    return response
                with _lock:
                    _answers[key] = (seen, response.content, response["Content-Type"])
                    _answers.move_to_end(key)
                    while len(_answers) > KEPT_ANSWERS:
                        _answers.popitem(last=False)
            response["Cache-Control"] = f"public, max-age={seconds}"
            return response

        return wrapped

    return decorator


def forget() -> None:
    """Drop every kept answer and the versions this thread has read (tests: a test's
    rolled-back writes leave the version where it was, and on PostgreSQL its writes move it
    only at a commit)."""
    with _lock:
        _answers.clear()
    _seen.__dict__.clear()
