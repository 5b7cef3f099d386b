"""The words of the pages (English msgids; Vietnamese in tools/vi_messages.py), given to a template
as one dict in the reader's language."""

from __future__ import annotations

from giaoviec.i18n import N_, Gettext

WORDS = {
    "overview": N_("Overview"), "problems": N_("Problems"), "due": N_("Deadlines"), "year": N_("Year"),
    "show": N_("Show"), "units": N_("Units"), "unit": N_("Unit"), "cadre": N_("Cadre"), "task": N_("Task"),
    "overdue": N_("Overdue"), "no_check_in": N_("Without a check-in this period"), "problems_count": N_("Problems in the data"),
    "cadres": N_("Cadres"), "tier": N_("Tier"), "points": N_("Points"), "status": N_("Status"),
    "what": N_("What"), "who": N_("Who"), "when": N_("When"), "result": N_("Result"), "responsibility": N_("Responsibility"),
    "target": N_("Target"), "actual": N_("Latest"), "timeline": N_("Check-ins"), "why": N_("Why this tier"),
    "clarity": N_("Clarity findings"), "history": N_("History (git)"), "calendar": N_("Calendar (.ics)"),
    "report": N_("Report"), "check_in": N_("Add a check-in"), "date": N_("Date"), "value": N_("Value"),
    "note": N_("Note"), "evidence": N_("Evidence link"), "save": N_("Save"), "outcome": N_("Record the outcome"),
    "done_on": N_("Completed on"), "public": N_("Public view: confidential tasks and files are left out."),
    "read_only": N_("Read-only: no change can be made here."), "none": N_("Nothing to show."),
    "incomplete": N_("These figures leave something out:"), "file": N_("File"), "saved": N_("Saved."),
    "refused": N_("Not saved"), "stale": N_("The file changed on disk since this form was shown; nothing was written. The page shows it as it is now: type the change again."),
    "hint": N_("hint"), "all_clear": N_("No problem found."), "as_of": N_("as of"), "tasks": N_("Tasks"),
    "buckets": N_("Statuses"), "explained": N_("The score, step by step"), "no_history": N_("No git history for this file."),
    "n_tasks": N_("{n} tasks"), "outcome_recorded": N_("Outcome recorded"),
    "replaces": N_("An outcome is already recorded (above): saving this form replaces it."), "drafts": N_("Drafts not yet assigned (not scored)"),
}


def words(_: Gettext) -> dict[str, str]:
    return {k: _(v) for k, v in WORDS.items()}
