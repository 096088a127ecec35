"""Study periods: inclusive date ranges, written `YYYY-MM-DD:YYYY-MM-DD`."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import ibis.expr.types as ir

from .errors import TrsError


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise TrsError(f"period {self}: starts after it ends")

    @classmethod
    def parse(cls, text: str) -> "Period":
        try:
            start, end = text.split(":")
            return cls(date.fromisoformat(start.strip()), date.fromisoformat(end.strip()))
        except ValueError as exc:
            raise TrsError(f"period {text!r}: expected YYYY-MM-DD:YYYY-MM-DD") from exc

    def overlaps(self, other: "Period") -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, moment: ir.TimestampValue) -> ir.BooleanValue:
        """The moment falls on a UTC date of the period."""
        return (moment >= day_start(self.start)) & (moment < day_start(self.end, 1))

    def as_dict(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}

    def __str__(self) -> str:
        return f"{self.start.isoformat()}:{self.end.isoformat()}"


def day_start(day: date, days_later: int = 0) -> datetime:
    """Midnight UTC at the start of `day` (plus some days): comparing timestamps with it is
    much cheaper than converting every timestamp to a date."""
    return datetime.combine(day + timedelta(days=days_later), time(), tzinfo=UTC)
