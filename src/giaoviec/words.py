"""The vocabulary: every word the outputs show for a code of the data (statuses, tiers, programs,
buckets, roles, directions), as msgids translated by the catalogs, and the number formats.

Every output takes its words and numbers from here, so that the score table, the report, the
export and the diff name and write a thing the same way.
"""

from __future__ import annotations

from giaoviec import formats
from giaoviec.i18n import N_, Gettext, Phrase

STATUS = {
    "exceeded": N_("exceeded"), "on-time": N_("on time"), "late": N_("late"), "not-done": N_("not done"),
    "overdue": N_("overdue"), "in-progress": N_("in progress"), "cancelled": N_("cancelled"),
}
TIER = {
    "excellent": N_("Excellent"), "good": N_("Good"), "completed": N_("Completed"),
    "not-completed": N_("Not completed"), "pending": N_("Pending"),
}
TIER_LONG = {
    "excellent": N_("Excellent (hoàn thành xuất sắc nhiệm vụ)"),
    "good": N_("Good (hoàn thành tốt nhiệm vụ)"),
    "completed": N_("Completed (hoàn thành nhiệm vụ)"),
    "not-completed": N_("Not completed (không hoàn thành nhiệm vụ)"),
    "pending": N_("Pending (chưa xếp loại)"),
}
BUCKET = {
    "completed-on-time": N_("Completed on time"), "completed-late": N_("Completed late"),
    "unfinished-within-term": N_("Unfinished, within term"), "unfinished-overdue": N_("Unfinished, overdue"),
}
SOURCE = "https://github.com/giaoviec/giaoviec"  # the project's git repository; releases are tagged vMAJOR.MINOR.PATCH

PROGRAM = {
    "focus": N_("focus task"), "breakthrough": N_("breakthrough task"),
    "action-program": N_("action programme"), "product-contract": N_("product contract"),
}
ROLE_PLURAL = {
    "secretary": N_("Party secretaries"), "chair": N_("People's Committee chairs"), "director": N_("heads of agencies"),
    "deputy": N_("deputies"), "member": N_("committee members"), "other": N_("other cadres"),
}
COMPONENT = {
    "general": N_("general criteria"), "tasks": N_("assigned tasks"), "reform": N_("reform and innovation"),
}
DISCIPLINE = {
    "none": N_("no discipline"), "reprimand": N_("reprimand"), "warning": N_("formal warning"), "dismissal": N_("dismissal"),
    "expulsion": N_("expulsion"),
}
ASSIGNMENT_STATUS = {"proposed": N_("proposed"), "appraised": N_("appraised"), "assigned": N_("assigned"), "closed": N_("closed")}
ROLE = {"secretary": N_("secretary"), "chair": N_("chair"), "deputy": N_("deputy"), "director": N_("director")}
DIRECTION = {"increase": N_("increase"), "decrease": N_("decrease")}
FOLLOW_UP = {"overdue": N_("Overdue"), "due-soon": N_("Due soon"), "no-check-in": N_("No check-in since {start}")}
LEFT_OUT = {
    "assignment": N_("assignment left out"), "council-entry": N_("council entry left out"),
    "council": N_("council session left out"), "unreadable": N_("unreadable file left out"),
    "registry": N_("error in the registry"),
}
DASH = "—"


def term(table: dict[str, str], code: str) -> Phrase:
    """A word of the vocabulary as the argument of an explanation, translated where it is shown."""
    return Phrase(table.get(code, code))


def word(table: dict[str, str], code: str, _: Gettext) -> str:
    return _(table[code]) if code in table else code


def fixed(value: float | None, digits: int = 2, lang: str = "en") -> str:
    """A figure with a fixed number of decimals ("95.97"; "95,97" in Vietnamese); "—" for none."""
    return formats.fixed(value, digits, lang)


def measured(value: float | None, lang: str = "en") -> str:
    """A measured value as it is written (12, 8.5; 8,5 in Vietnamese); "—" for none."""
    return formats.number(value, lang)


def percent(part: float, whole: float, lang: str = "en", digits: int = 1) -> str:
    """part/whole as a percentage ("53,1 %"); "—" when the whole is zero."""
    return (fixed(100 * part / whole, digits, lang) + " %") if whole else DASH


def short(value: float) -> float:
    """A figure of an explanation: at most two decimals; written in the reader's language when shown."""
    return float(round(value, 2))


def share(value: float | None) -> formats.Share | str:
    """A share of an explanation, shown as a whole percentage in the reader's language ("80 %")."""
    return DASH if value is None else formats.Share(value)
