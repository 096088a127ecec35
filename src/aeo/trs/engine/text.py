"""Plain-text building blocks shared by the renderers: durations as the study prints them."""

from collections.abc import Sequence

from .stats import round_s

NO_RECORDS = "No Records"
INTERVAL_LABELS = {
    "arrival_to_lodgment": "arrival → lodgment",
    "lodgment_to_release": "lodgment → release",
    "release_to_delivery": "release → delivery",
}


def duration(seconds: float | None) -> str:
    """`0 days 12 hours 17 min. 26.3 sec.`; "No Records" for None; negative with a minus."""
    rounded = round_s(seconds)
    if rounded is None:
        return NO_RECORDS
    sign, tenths = ("-" if rounded < 0 else ""), round(abs(rounded) * 10)
    minutes, tenths = divmod(tenths, 600)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    return (
        f"{sign}{days} {'day' if days == 1 else 'days'} {hours} {'hour' if hours == 1 else 'hours'}"
        f" {minutes} min. {tenths // 10}.{tenths % 10} sec."
    )


def rate(pct: float | None) -> str:
    return "—" if pct is None else f"{pct:.2f}"


def mode_label(mode: str) -> str:
    return f"{mode.capitalize()} Cargo"


def table(rows: Sequence[Sequence[str]], indent: str = "") -> list[str]:
    """Columns padded to their widest cell, two spaces apart (header rows included)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        indent + "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]
