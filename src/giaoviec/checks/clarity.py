"""The clarity rules: "5 rõ" (who, what, when, result, responsibility) and "6 rõ" (authority)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from giaoviec.checks.context import Context
from giaoviec.diagnostics import N_, Diagnostic, finding, warning
from giaoviec.load.repository import Document
from giaoviec.model import Assignment, Task

VAGUE_PHRASES = ("tăng cường", "nâng cao", "đẩy mạnh", "tích cực", "quan tâm", "chú trọng", "tiếp tục", "góp phần", "từng bước")
# Nouns that name a document or a thing someone can be shown and count: a verifiable deliverable.
DELIVERABLES = (
    "quyết định", "báo cáo", "kế hoạch", "đề án", "nghị quyết", "biên bản", "hồ sơ", "văn bản", "giấy chứng nhận",
    "quy chế", "quy định", "chương trình", "dự án", "danh sách", "bản đồ", "công trình", "tuyến đường", "chi bộ",
    "mô hình", "đề tài", "hợp đồng", "bằng công nhận", "công nhận", "thông báo", "kết luận", "phần mềm",
    "cơ sở dữ liệu", "sổ", "trường", "nhà văn hóa", "cầu", "đường", "kênh",
)
SCORED = ("assigned", "closed")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def is_verifiable(product: str | None) -> bool:
    if not product:
        return False
    text = _norm(product)
    return bool(re.search(r"\d", text)) or any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in DELIVERABLES)


def is_vague(what: str, phrases: tuple[str, ...]) -> bool:
    text = _norm(what)
    return not re.search(r"\d", text) and any(_norm(p) in text for p in phrases)


def assignment_clarity(ctx: Context, doc: Document) -> list[Diagnostic]:
    config = ctx.repo.config
    phrases = tuple(config.vague_phrases) if config.vague_phrases is not None else VAGUE_PHRASES
    out: list[Diagnostic] = []
    m: Assignment = doc.model
    if m.status in SCORED:
        if not m.monitor:
            out.append(finding(
                doc.path, doc.where("monitor"), "clarity.responsibility",
                N_("The assignment has no monitor (đầu mối theo dõi)."),
                hint=N_("Add 'monitor:' with the unit or cadre that follows up this assignment."),
            ))
        if not m.basis:
            out.append(finding(
                doc.path, doc.where("basis"), "clarity.responsibility",
                N_("The assignment has no basis (the assigning decision)."),
                hint=N_("Add 'basis:' with the decision's number, date and issuing body."),
            ))
    for i, task in enumerate(m.tasks):
        out += _task(ctx, doc, i, task, phrases, config.clarity == "6ro")
    return out


def _task(ctx: Context, doc: Document, i: int, task: Task, phrases: tuple[str, ...], six: bool) -> list[Diagnostic]:
    m: Assignment = doc.model
    base = ("tasks", i)
    out: list[Diagnostic] = []

    def err(code: str, loc: tuple, message: str, hint: str | None = None, **args: Any) -> None:
        out.append(finding(doc.path, doc.where(*base, *loc), code, message, hint=hint, task=task.id, **args))

    # rõ người
    lead = task.who.lead if task.who else None
    if isinstance(lead, tuple) and len(lead) != 1:
        err("clarity.who", ("who", "lead"), N_("Task {task} is not clear on who: it names {n} leads."),
            N_("One task, one lead (một việc một đầu mối): name one cadre as lead and the others under support."), n=len(lead))
    elif isinstance(lead, str) and lead in ctx.repo.units:
        err("clarity.who", ("who", "lead"), N_("Task {task} is not clear on who: the lead '{lead}' is a unit, not a cadre."),
            N_("Name the cadre who leads; put the unit under support."), lead=lead)
    # rõ việc
    measure = task.result.measure if task.result else None
    product = task.result.product if task.result else None
    if is_vague(task.what, phrases) and measure is None and not is_verifiable(product):
        out.append(warning(
            doc.path, doc.where(*base, "what"), "clarity.what",
            N_("Task {task} is not clear on what: '{what}' is general wording with no measure and no verifiable product."),
            hint=N_("Say what will exist or be counted at the end: a number with its unit, or a named document or work."),
            task=task.id, what=task.what if len(task.what) <= 70 else task.what[:67] + "…",
        ))
    # rõ thời gian
    due = task.when.due if task.when else None
    if due is None:
        err("clarity.when", ("when", "due"), N_("Task {task} is not clear on when: it has no due date."),
            N_("Add 'when: {{due: YYYY-MM-DD}}'."))
    else:
        assert task.when is not None  # a due date lives in `when`
        start = task.when.start or m.period.start
        have = {cp.by.year for cp in task.when.checkpoints}
        last = min(due, m.period.end).year  # a due past the period is date.outside-period's business
        missing = [y for y in range(start.year, last) if y not in have]
        if missing:
            err("clarity.when", ("when", "checkpoints") if task.when.checkpoints else ("when",),
                N_("Task {task} runs over several years but has no checkpoint in {years}."),
                N_("A multi-year task needs at least one checkpoint per year: 'checkpoints: [{{by: YYYY-12-31, expect: …, target: …}}]'."),
                years=", ".join(map(str, missing)))
    # rõ kết quả
    if not product:
        err("clarity.result", ("result", "product"), N_("Task {task} is not clear on the result: it names no product."),
            N_("Add 'result: {{product: …}}': the document, work or figure that proves the task is done."))
    if measure is not None:
        lacking = [name for name in ("indicator", "unit", "target") if getattr(measure, name) is None]
        if lacking:
            err("clarity.result", ("result", "measure", lacking[0]),
                N_("Task {task} has a measure without {fields}."), N_("A measure needs an indicator, a unit and a target."),
                fields=", ".join(lacking))
    # rõ trách nhiệm, rõ thẩm quyền
    resp = task.responsibility
    if not (resp and resp.accountable):
        err("clarity.responsibility", ("responsibility", "accountable"),
            N_("Task {task} is not clear on responsibility: no accountable cadre."),
            N_("Add 'responsibility: {{accountable: <cadre id>}}'."))
    if six and not (resp and resp.authority):
        err("clarity.authority", ("responsibility", "authority"),
            N_("Task {task} is not clear on authority (6 rõ): no authority named."),
            N_("Add 'responsibility: {{authority: <unit or cadre id>}}': who has the power to decide on it."))
    return out
