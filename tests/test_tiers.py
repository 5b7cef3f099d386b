"""Tiers of every built-in profile, on the edges of their thresholds and conditions."""

from __future__ import annotations

import pytest

from giaoviec.domain.scoring import Counts, computed_tier
from giaoviec.domain.status import STATUSES
from giaoviec.load.profiles import builtin_profiles


def counts(**kw) -> Counts:
    c = dict.fromkeys(STATUSES, 0)
    for key, value in kw.items():
        c[key.replace("_", "-")] = value
    return Counts(c)


# (profile, points, counts, expected)
CASES = [
    # Quy định 89 / 124: conditions only
    ("qd89-2017", 100, counts(exceeded=5, on_time=5), "excellent"),
    ("qd89-2017", 100, counts(exceeded=4, on_time=6), "good"),          # exceeded 40 % < 50 %
    ("qd89-2017", 100, counts(exceeded=4, on_time=4, late=2), "good"),  # on time 80 % ≥ 80 %
    ("qd89-2017", 100, counts(exceeded=4, on_time=3, late=3), "not-completed"),  # late 30 % > 20 %
    ("qd89-2017", 80, counts(on_time=8, not_done=2), "completed"),      # done 80 % > 70 %, late+not done 20 %
    ("qd89-2017", 70, counts(on_time=7, not_done=3), "not-completed"),  # done exactly 70 % is not > 70 %
    ("qd89-2017", 90, counts(on_time=9, late=1), "good"),
    ("qd89-2017", 100, counts(exceeded=5, on_time=5, cancelled=3), "excellent"),  # cancelled tasks are not counted
    ("tw124-2023", 100, counts(exceeded=1, on_time=1), "excellent"),
    ("tw124-2023", 80, counts(on_time=4, overdue=1), "completed"),
    # QĐ 124 has no lateness cap (issue 27, 8): 15 of 16 done, 4 late, 93.75 points is "completed"
    ("tw124-2023", 93.75, counts(on_time=11, late=4, not_done=1), "completed"),
    ("tw124-2023", 100, counts(on_time=2, late=1), "completed"),        # qd89 would say not-completed (late 33 %)
    ("tw124-2023", 50, counts(on_time=1, not_done=1), "completed"),     # done 50 % ≥ 50 %
    ("tw124-2023", 40, counts(on_time=2, not_done=3), "not-completed"),  # done under 50 %: the closed list
    # Quy định 366: points and conditions
    ("tw366-2025", 95, counts(exceeded=3, on_time=7), "excellent"),
    ("tw366-2025", 95, counts(exceeded=2, on_time=8), "good"),          # exceeded 20 % < 30 %
    ("tw366-2025", 89.99, counts(exceeded=5, on_time=5), "good"),
    ("tw366-2025", 90, counts(exceeded=3, on_time=7), "excellent"),     # 90 is inclusive
    ("tw366-2025", 70, counts(on_time=10), "good"),
    ("tw366-2025", 69.99, counts(on_time=10), "completed"),
    ("tw366-2025", 95, counts(on_time=8, late=2), "completed"),         # one late task blocks good: on time must be 100 %
    ("tw366-2025", 60, counts(on_time=7, late=3), "not-completed"),     # late 30 % > 20 %
    ("tw366-2025", 60, counts(on_time=9, not_done=1), "not-completed"),  # done must be 100 %
    ("tw366-2025", 49.99, counts(on_time=10), "not-completed"),
    # Nghị định 335: points only
    ("nd335-2025", 90, counts(on_time=1), "excellent"),
    ("nd335-2025", 89.9, counts(on_time=1), "good"),
    ("nd335-2025", 70, counts(not_done=1), "good"),
    ("nd335-2025", 50, counts(), "completed"),
    ("nd335-2025", 49.99, counts(on_time=1), "not-completed"),
    # Khánh Hòa KPI: > 80 and > 50 are exclusive
    ("khanhhoa-kpi-2025", 90, counts(on_time=1), "excellent"),
    ("khanhhoa-kpi-2025", 80.01, counts(on_time=1), "good"),
    ("khanhhoa-kpi-2025", 80, counts(on_time=1), "completed"),
    ("khanhhoa-kpi-2025", 50.01, counts(on_time=1), "completed"),
    ("khanhhoa-kpi-2025", 50, counts(on_time=1), "not-completed"),
]


@pytest.mark.parametrize("profile,points,c,expected", CASES, ids=[f"{p}-{pt}-{e}-{i}" for i, (p, pt, _, e) in enumerate(CASES)])
def test_tier(profile, points, c, expected):
    tier, trace, _reason = computed_tier(builtin_profiles()[profile], points, c)
    assert tier == expected
    assert len(trace) == [r.tier for r in builtin_profiles()[profile].tiers].index(expected) + 1


def test_every_profile_has_a_source_and_lists_its_defaults():
    for profile in builtin_profiles().values():
        assert profile.source.strip()
        assert profile.tiers[-1].min_points is None and profile.tiers[-1].require is None
        assert profile.defaults, profile.id


def test_the_reason_says_which_condition_failed_with_its_figures():
    from giaoviec.i18n import say, translator

    profile = builtin_profiles()["qd89-2017"]
    c = counts(on_time=3, late=1, not_done=2)
    tier, _trace, reason = computed_tier(profile, 50, c)
    text = say(reason, translator("vi"))
    assert tier == "not-completed"
    assert "3/6 nhiệm vụ chậm hoặc chưa xong (50 %), vượt mức tối đa 20 % cho mức 'Hoàn thành'" in text
    assert "_share" not in text and "late_or_not_done" not in text
