"""Two readings of a wording's figures before the measure is set against them (checks/wording.py):

- a multiplier word before a unit that is no money ("4 triệu lượt khách", "12 nghìn tấn") is part of
  the figure (4,000,000 lượt khách; 12,000 tấn), in the wording as in the measure's own unit;
- the figures after "trong đó" are parts of the figure before ("trồng mới 1.960 ha rừng, trong đó
  rừng sản xuất 1.880 ha", "4 triệu lượt khách (trong đó 260.000 lượt khách quốc tế)"): they are the
  measure's only when its indicator names what sets the part apart (its words that the whole has not,
  "sản xuất", "quốc tế"); otherwise the measure is of the whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from giaoviec.characters import lazy
from giaoviec.checks.wording_numbers import Quantity, _unit, norm

_MULTIPLIERS = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_MULTIPLIED = lazy(r"(nghìn|ngàn|vạn|triệu|tỷ|tỉ)\s+(?=[^\W\d_])")
_OF_WHICH = lazy(r"(?<!\w)trong đó(?!\w)")
_SYLLABLE = lazy(r"[^\W\d_]+")


def multiplied(unit: str) -> tuple[float, str] | None:
    """The multiplier and the unit of "triệu lượt", "nghìn tấn" (None for a unit the tables know, "triệu đồng")."""
    low = norm(unit)
    m = _MULTIPLIED.match(low)
    if m is None or _unit(low) is not None:
        return None
    return _MULTIPLIERS[m.group(1)], low[m.end():]


def whole_figures(found: Sequence[Quantity], target: float | None, unit: str | None, indicator: str | None,
                  text: str) -> tuple[list[Quantity], float | None, str | None]:
    """The figures, the target and the unit as the measure is set against them (the module's two readings)."""
    # only against a count ("lượt"): against a unit of the tables ("tỷ đồng") the figure as written is compared
    if (not unit or _unit(unit) is None) and any(q.unit[:1] in "nvt" and multiplied(q.unit) for q in found):
        out = []
        for q in found:
            m = multiplied(q.unit)
            out.append(q if m is None else Quantity(q.value * m[0], m[1], q.text, None if q.high is None else q.high * m[0]))
        found = out
    if unit and target is not None and (m := multiplied(unit)) is not None:
        target, unit = target * m[0], m[1]
    low = norm(text)
    if indicator and len(found) > 1 and (of := _OF_WHICH.search(low)) is not None:
        whole, rest = low[:of.start()], low[of.end():]
        part = rest.split(")")[0] if whole.rstrip().endswith("(") else re.split(r";|\.\s", rest)[0]
        apart = set(_SYLLABLE.findall(part)) - set(_SYLLABLE.findall(whole)) - {"có", "là", "gồm", "đạt", "khoảng"}
        mine = [q for q in found if norm(q.text) not in part]
        if mine and len(mine) < len(found) and apart and apart.isdisjoint(_SYLLABLE.findall(norm(indicator))):
            found = mine  # the indicator names the whole: the parts' figures are not its
    return list(found), target, unit
