"""Turning a submitted answer (JSON from the API, strings from a form) into the stored value."""

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from aeo.core.errors import DomainError
from aeo.requirements.constants import MAX_TEXT_ANSWER, QuestionKind
from aeo.requirements.models import Question

YES = {"yes", "true", "y", "1"}
NO = {"no", "false", "n", "0"}
JsonValue = bool | int | float | str | None


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _refuse(message: str) -> DomainError:
    return DomainError(message, field="value", code="invalid_value")


def _yes_no(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in YES | NO:
        return raw.strip().lower() in YES
    raise _refuse(_("Answer yes or no."))


def _number(raw: Any) -> int | float:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise _refuse(_("Enter a number."))
    try:
        number = Decimal(str(raw).strip().replace(",", ""))
    except InvalidOperation:
        raise _refuse(_("Enter a number.")) from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** 15:
        raise _refuse(_("Enter a number."))
    return int(number) if number == number.to_integral_value() else float(number)


def _date(raw: Any) -> str:
    if isinstance(raw, datetime.date) and not isinstance(raw, datetime.datetime):
        return raw.isoformat()
    if isinstance(raw, str):
        try:
            return datetime.date.fromisoformat(raw.strip()).isoformat()
        except ValueError:
            pass
    raise _refuse(_("Enter a date as YYYY-MM-DD."))


def _text(raw: Any, limit: int = MAX_TEXT_ANSWER) -> str:
    if not isinstance(raw, str):
        raise _refuse(_("Enter text."))
    text = raw.strip()
    if len(text) > limit:
        raise _refuse(_("Keep the answer under %(n)d characters.") % {"n": limit})
    return text


def _choice(raw: Any, question: Question) -> str:
    if isinstance(raw, str) and raw.strip() in question.choices:
        return raw.strip()
    raise _refuse(_("Choose one of: %(choices)s.") % {"choices": ", ".join(question.choices)})


def parse_value(question: Question, raw: Any) -> JsonValue:
    """The value to store for `question`, or None for a blank answer; DomainError if invalid."""
    if is_blank(raw):
        return None
    match question.kind:
        case QuestionKind.YES_NO:
            return _yes_no(raw)
        case QuestionKind.NUMBER:
            return _number(raw)
        case QuestionKind.DATE:
            return _date(raw)
        case QuestionKind.CHOICE:
            return _choice(raw, question)
        case QuestionKind.TEXT:
            return _text(raw)
    # Evidence questions are answered by uploading files; the value is only a short note.
    return _text(raw, limit=500)
