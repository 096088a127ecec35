"""Reading declarations from NDJSON or CSV, row by row: each row is valid or has its reasons.

A row is a JSON object (NDJSON) or a CSV record with the same field names; in CSV the goods
lines are the `hs_code`, `origin` and `value` columns, each with one entry per line separated
by `;`. Parsing never raises on bad input: a row that cannot be read is a `RowError`.
"""

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from aeo.border.constants import Direction, TransportMode
from aeo.core.bounds import MAX_YEAR, MIN_YEAR
from aeo.core.text import text_problem
from aeo.trs.engine.schema import ECONOMIES

FIELDS = (
    "number",
    "office",
    "direction",
    "transport_mode",
    "declarant_tin",
    "trader_tin",
    "partner_economy",
    "partner_name",
    "partner_aeo_id",
    "lines",
    "arrived_at",
    "lodged_at",
    "released_at",
    "delivered_at",
    "oga_agency",
)
CSV_LINE_COLUMNS = ("hs_code", "origin", "value")
TIMES = ("arrived_at", "lodged_at", "released_at", "delivered_at")
MAX_LINES = 99
MAX_VALUE = Decimal("9999999999999.99")
_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.-]{0,34}$")
_TIN = re.compile(r"^[A-Za-z0-9-]{1,20}$")
_HS = re.compile(r"^[0-9]{6,10}$")
_LENGTHS = {"partner_name": 200, "partner_aeo_id": 40, "oga_agency": 100}


@dataclass(frozen=True)
class RowError:
    line: int
    field: str | None
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "field": self.field, "code": self.code, "message": self.message}


@dataclass
class Row:
    """A valid row: the declaration's fields, typed (`office` is still the code)."""

    line: int
    values: dict[str, Any]


class _Refused(Exception):
    def __init__(self, field: str | None, code: str, message: str) -> None:
        self.field, self.code, self.message = field, code, message


def _text(data: dict[str, Any], name: str, *, required: bool = False) -> str:
    value = data.get(name)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _Refused(name, "invalid", _("Give text."))
    problem = text_problem(value)
    if problem:
        raise _Refused(name, "invalid_text", problem)
    value = value.strip()
    if required and not value:
        raise _Refused(name, "required", _("This field is required."))
    if len(value) > _LENGTHS.get(name, 200):
        raise _Refused(name, "too_long", _("This text is too long."))
    return value


# The choices, read once (`TextChoices.values` builds its list on every call).
_CHOICES = {"direction": tuple(Direction.values), "transport_mode": tuple(TransportMode.values)}


def _choice(data: dict[str, Any], name: str) -> str:
    value = _text(data, name, required=True).lower()
    if value not in _CHOICES[name]:
        raise _Refused(name, "invalid_choice", _("Give one of: %s.") % ", ".join(_CHOICES[name]))
    return value


def _economy(value: str, name: str) -> str:
    code = value.upper()
    if code not in ECONOMIES:
        raise _Refused(name, "unknown_economy", _("Give an ISO 3166 alpha-2 economy code."))
    return code


def _time(data: dict[str, Any], name: str, *, required: bool = False) -> datetime | None:
    raw = _text(data, name, required=required)
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise _Refused(name, "invalid_timestamp", _("Give a time in ISO 8601.")) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # a time without its offset is taken as UTC
    if not MIN_YEAR <= value.astimezone(UTC).year <= MAX_YEAR:
        raise _Refused(name, "out_of_range", _("Give a time between 1900 and 2999."))
    return value


def _value(raw: Any, name: str) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise _Refused(name, "invalid", _("Give a number."))
    try:
        value = Decimal(str(raw).strip()).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise _Refused(name, "invalid", _("Give a number.")) from None
    if not value.is_finite() or not Decimal(0) <= value <= MAX_VALUE:
        raise _Refused(name, "out_of_range", _("Give a value between 0 and 10^13."))
    return value


def _lines(raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list) or not raw:
        raise _Refused("lines", "required", _("Give at least one goods line."))
    if len(raw) > MAX_LINES:
        raise _Refused("lines", "too_many", _("Give at most %d goods lines.") % MAX_LINES)
    lines = []
    for index, line in enumerate(raw):
        if not isinstance(line, dict):
            raise _Refused(f"lines.{index}", "invalid", _("A goods line is an object."))
        hs = _text(line, "hs_code", required=True).replace(".", "")
        if not _HS.match(hs):
            raise _Refused(
                f"lines.{index}.hs_code", "invalid_hs_code", _("Give an HS code of 6 to 10 digits.")
            )
        origin = _economy(_text(line, "origin", required=True), f"lines.{index}.origin")
        value = _value(line.get("value", 0), f"lines.{index}.value")
        lines.append({"hs_code": hs, "origin": origin, "value": str(value)})
    return lines


def validate(data: Any, line: int) -> Row | RowError:
    """One row's typed values, or the first reason it is refused."""
    if not isinstance(data, dict):
        return RowError(line, None, "invalid_row", _("A row is a JSON object."))
    try:
        number = _text(data, "number", required=True)
        if not _NUMBER.match(number):
            raise _Refused(
                "number",
                "invalid_number",
                _("A declaration number has up to 35 letters, digits and / _ . -"),
            )
        values: dict[str, Any] = {
            "number": number,
            "office": _text(data, "office", required=True).upper(),
            "direction": _choice(data, "direction"),
            "transport_mode": _choice(data, "transport_mode"),
        }
        for name, required in (("trader_tin", True), ("declarant_tin", False)):
            tin = _text(data, name, required=required).replace(" ", "")
            if tin and not _TIN.match(tin):
                raise _Refused(name, "invalid_tin", _("A TIN has up to 20 letters and digits."))
            values[name] = tin
        values["partner_economy"] = _economy(
            _text(data, "partner_economy", required=True), "partner_economy"
        )
        for name in ("partner_name", "partner_aeo_id", "oga_agency"):
            values[name] = _text(data, name)
        values["lines"] = _lines(data.get("lines"))
        values["total_value"] = sum((Decimal(x["value"]) for x in values["lines"]), Decimal(0))
        if values["total_value"] > MAX_VALUE:
            raise _Refused("lines", "out_of_range", _("The total value is too large."))
        for name in TIMES:
            values[name] = _time(data, name, required=name == "lodged_at")
        _check_order(values)
    except _Refused as refused:
        return RowError(line, refused.field, refused.code, refused.message)
    return Row(line, values)


def _check_order(values: dict[str, Any]) -> None:
    arrived, lodged = values["arrived_at"], values["lodged_at"]
    released, delivered = values["released_at"], values["delivered_at"]
    if released is not None and released < lodged:
        raise _Refused("released_at", "before_lodgment", _("Release comes after lodgment."))
    if delivered is not None and released is None:
        raise _Refused("delivered_at", "not_released", _("Goods are delivered after release."))
    if delivered is not None and released is not None and delivered < released:
        raise _Refused("delivered_at", "before_release", _("Delivery comes after release."))
    if arrived is not None and delivered is not None and delivered < arrived:
        raise _Refused("delivered_at", "before_arrival", _("Delivery comes after arrival."))


def ndjson_rows(lines: Iterable[bytes]) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object or the error) for every non-empty line."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield number, json.loads(raw)
        except (ValueError, RecursionError):
            yield number, RowError(number, None, "invalid_json", _("This line is not JSON."))


def csv_rows(lines: Iterable[bytes]) -> Iterator[tuple[int, Any]]:
    """(line number, row as NDJSON would give it, or the error); line 1 is the header."""
    text = io.TextIOWrapper(
        io.BufferedReader(_Bytes(lines)), encoding="utf-8", errors="replace", newline=""
    )
    reader = csv.DictReader(text)
    try:
        for record in reader:
            line = reader.line_num
            if None in record:
                yield line, RowError(line, None, "extra_columns", _("This row has extra columns."))
                continue
            yield line, _from_csv(record, line)
    except csv.Error as exc:
        yield reader.line_num, RowError(reader.line_num, None, "invalid_csv", str(exc))


def _from_csv(record: dict[str, str | None], line: int) -> dict[str, Any] | RowError:
    parts = [(record.get(c) or "").split(";") for c in CSV_LINE_COLUMNS]
    if len({len(p) for p in parts}) != 1:
        return RowError(
            line, "lines", "invalid_lines", _("hs_code, origin and value need as many entries.")
        )
    data: dict[str, Any] = {k: v for k, v in record.items() if k not in CSV_LINE_COLUMNS}
    data["lines"] = [
        {"hs_code": hs, "origin": origin, "value": value or "0"}
        for hs, origin, value in zip(*parts, strict=True)
        if hs.strip() or origin.strip()
    ]
    return data


class _Bytes(io.RawIOBase):
    """An iterable of byte chunks as a readable stream."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._rest = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._rest:
            try:
                self._rest = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(buffer), len(self._rest))
        buffer[:size] = self._rest[:size]
        self._rest = self._rest[size:]
        return size


def read_rows(stream: Iterable[bytes], fmt: str) -> Iterator[Row | RowError]:
    """Validated rows of an NDJSON (`fmt` "ndjson") or CSV ("csv") stream of lines."""
    parsed = csv_rows(stream) if fmt == "csv" else ndjson_rows(stream)
    for line, data in parsed:
        yield data if isinstance(data, RowError) else validate(data, line)
