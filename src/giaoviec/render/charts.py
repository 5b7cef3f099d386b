"""Inline SVG charts for reports: no script, no font, nothing fetched; every text escaped."""

from __future__ import annotations

from markupsafe import Markup

from giaoviec.render.escape import html as escape

COLOURS = {  # the four official buckets, and the tiers
    "completed-on-time": "#2e7d32", "completed-late": "#f9a825", "unfinished-within-term": "#1e88e5",
    "unfinished-overdue": "#c62828", "excellent": "#1b5e20", "good": "#43a047", "completed": "#9ccc65",
    "not-completed": "#c62828", "pending": "#9e9e9e",
}


def _svg(width: int, height: int, title: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" style="max-width:{width}px;height:auto" font-family="sans-serif" font-size="12">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def stacked_bars(title: str, rows: list[tuple[str, dict[str, int]]], keys: list[tuple[str, str]]) -> Markup:
    """One horizontal bar per row (e.g. a sub-unit), split by key (e.g. a status bucket)."""
    label_w, bar_w, row_h = 190, 400, 26
    height = 40 + row_h * len(rows) + 22 * ((len(keys) + 1) // 2)
    body: list[str] = []
    for i, (label, counts) in enumerate(rows):
        y = 10 + i * row_h
        total = sum(counts.values()) or 1
        body.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(label[:32])}</text>')
        x: float = label_w
        for key, _name in keys:
            w = bar_w * counts.get(key, 0) / total
            if w:
                body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="18" fill="{COLOURS[key]}"/>')
            x += w
        body.append(f'<text x="{label_w + bar_w + 6}" y="{y + 15}">{sum(counts.values())}</text>')
    y = 20 + row_h * len(rows)
    for j, (key, name) in enumerate(keys):
        lx, ly = 10 + (j % 2) * 300, y + (j // 2) * 22
        body.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{COLOURS[key]}"/>')
        body.append(f'<text x="{lx + 18}" y="{ly + 11}">{escape(name)}</text>')
    return _svg(label_w + bar_w + 40, height, title, body)


def columns(title: str, bars: list[tuple[str, float, str, str]], unit: str = "") -> Markup:
    """Vertical bars: (label, value, colour key or '', value text), scaled to the largest value."""
    width, chart_h, col_w, top_pad = 40 + 100 * len(bars), 150, 60, 22
    top = max((v for _l, v, _c, _t in bars), default=0) or 1
    base = top_pad + chart_h
    body: list[str] = [f'<line x1="20" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#555"/>']
    for i, (label, value, colour, text) in enumerate(bars):
        h = chart_h * value / top
        x = 30 + i * 100
        fill = COLOURS.get(colour, "#1e88e5")
        body.append(f'<rect x="{x}" y="{base - h:.1f}" width="{col_w}" height="{h:.1f}" fill="{fill}"/>')
        body.append(f'<text x="{x + col_w / 2}" y="{base - h - 6:.1f}" text-anchor="middle">{escape(text)}{escape(unit)}</text>')
        words = label.split()
        lines = [" ".join(words[: (len(words) + 1) // 2]), " ".join(words[(len(words) + 1) // 2:])] if len(label) > 12 else [label]
        for k, line in enumerate(lines):
            body.append(f'<text x="{x + col_w / 2}" y="{base + 16 + 14 * k}" text-anchor="middle">{escape(line[:18])}</text>')
    return _svg(width, base + 48, title, body)
