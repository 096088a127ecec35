"""Small inline SVG charts (no script, no CDN): horizontal bars and histograms."""

from collections.abc import Callable, Mapping, Sequence
from html import escape

COLOURS = ("#8c8c8c", "#1f5fa8", "#d9822b", "#3a9a5b")
# Each category's name stands on its own line above its bars, so long names never overlap them.
ROW, GAP, LEFT, WIDTH = 14, 8, 4, 640
PLOT = WIDTH - LEFT - 200  # room right of the longest bar for its value


def bars(
    categories: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    label: Callable[[float], str],
) -> str:
    """Grouped horizontal bars: one group per category, one bar per series."""
    peak = max((v for values in series.values() for v in values if v), default=1.0)
    group = ROW * (len(series) + 1) + GAP
    height = group * len(categories) + 24
    parts = [_legend(list(series))]
    for i, category in enumerate(categories):
        top = 24 + i * group
        parts.append(_text(LEFT, top + ROW - 2, category))
        for j, (name, values) in enumerate(series.items()):
            value, y = values[i], top + (j + 1) * ROW
            if value is None:
                parts.append(_text(LEFT, y + ROW - 3, f"{name}: No Records", size=10))
                continue
            w = max(value, 0) / peak * PLOT
            parts.append(_rect(LEFT, y + 1, w, ROW - 2, COLOURS[j % len(COLOURS)]))
            parts.append(_text(LEFT + w + 4, y + ROW - 3, label(value), size=10))
    return _svg(height, parts)


def stacked(
    categories: Sequence[str],
    parts_of: Mapping[str, Sequence[float | None]],
    label: Callable[[float], str],
) -> str:
    """One horizontal bar per category, split into parts (negative parts count as zero)."""
    totals = [sum(max(v[i] or 0, 0) for v in parts_of.values()) for i in range(len(categories))]
    peak = max(totals, default=0) or 1.0
    group = 2 * ROW + GAP
    parts = [_legend(list(parts_of))]
    for i, category in enumerate(categories):
        top, x = 24 + i * group, float(LEFT)
        parts.append(_text(LEFT, top + ROW - 2, category))
        y = top + ROW
        for j, values in enumerate(parts_of.values()):
            w = max(values[i] or 0, 0) / peak * PLOT
            parts.append(_rect(x, y, w, ROW, COLOURS[j % len(COLOURS)]))
            x += w
        parts.append(_text(x + 4, y + ROW - 3, label(totals[i]), size=10))
    return _svg(24 + len(categories) * group, parts)


def histogram(bins: Sequence[str], series: Mapping[str, Sequence[int]]) -> str:
    """Share of declarations per bin, one bar per series side by side."""
    shares = {name: [c / (sum(counts) or 1) for c in counts] for name, counts in series.items()}
    peak = max((v for values in shares.values() for v in values), default=0) or 1.0
    height, base, left = 180, 130, 50  # room for the slanted bin labels
    slot = (WIDTH - left - 10) / max(len(bins), 1)
    bar = (slot - 4) / max(len(series), 1)
    parts = [_legend(list(series))]
    for i, name in enumerate(bins):
        x = left + i * slot
        for j, values in enumerate(shares.values()):
            h = values[i] / peak * (base - 30)
            parts.append(_rect(x + j * bar, base - h, bar - 1, h, COLOURS[j % len(COLOURS)]))
        parts.append(
            f'<text x="{x + slot / 2:.1f}" y="{base + 12}" font-size="9" text-anchor="end" '
            f'transform="rotate(-35 {x + slot / 2:.1f} {base + 12})">{escape(name)}</text>'
        )
    return _svg(height, parts)


def _legend(names: list[str]) -> str:
    items = []
    for j, name in enumerate(names):
        x = 4 + j * 150
        items.append(_rect(x, 4, 10, 10, COLOURS[j % len(COLOURS)]))
        items.append(_text(x + 14, 13, name, size=11))
    return "".join(items)


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}"/>'


def _text(x: float, y: float, text: str, size: int = 12) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}">{escape(text)}</text>'


def _svg(height: float, parts: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" role="img">{"".join(parts)}</svg>'
    )
