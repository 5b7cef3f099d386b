"""Every diagnostic code with its explanation and a passing and a failing example (`giaoviec rules`)."""

from __future__ import annotations

from dataclasses import dataclass

from giaoviec.diagnostics import N_, Severity

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    explanation: str
    good: str
    bad: str


RULES: tuple[Rule, ...] = (
    Rule("yaml.syntax", E, N_("The file must be valid YAML: indentation with spaces, a ':' after each key, quotes closed."),
         "what: Giải quyết 12 vụ vi phạm đất đai", "what: Giải quyết 12 vụ\n\tdue: 2022-09-30"),
    Rule("yaml.duplicate-key", E, N_("A key may appear only once in a mapping; the second would silently replace the first."),
         "when: {start: 2022-02-15, due: 2022-09-30}", "when:\n  due: 2022-09-30\n  due: 2022-10-30"),
    Rule("yaml.encoding", E, N_("Files are UTF-8 (a byte order mark is accepted)."),
         "(UTF-8) Nguyễn Văn An", "(Windows-1258) Nguy\\xd2n V\\xe3n An"),
    Rule("yaml.too-large", E, N_("A document whose aliases expand past a million values, or nested deeper than 64 levels, is refused."),
         "base: &b {unit: vụ}\nmeasure: *b", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n# … nine levels more"),
    Rule("schema.document", E, N_("A document is a mapping that starts with apiVersion and kind."),
         "apiVersion: giaoviec/v1\nkind: Units\nunits: []", "apiVersion: giaoviec/v1\n- kind: Units"),
    Rule("schema.kind", E, N_("The kind is one of Config, Units, Cadres, Assignment, Evaluation, ScoringProfile."),
         "kind: Assignment", "kind: Assignement"),
    Rule("schema.missing", E, N_("A required field is missing; the diagnostic points at the mapping that should hold it."),
         "tasks:\n  - id: \"01\"\n    what: Giải quyết 12 vụ", "tasks:\n  - what: Giải quyết 12 vụ"),
    Rule("schema.extra_forbidden", E, N_("A field that the format does not know, often a misspelling; it points at the key."),
         "when: {due: 2022-09-30}", "when: {deadline: 2022-09-30}"),
    Rule("schema.*", E, N_("A value of the wrong type or outside its allowed values (schema.<pydantic error type>): a date that does not exist, yes/no for a boolean, text where a number is expected, an id that is not a slug."),
         "confidential: false\nweight: 2\ndue: 2022-02-28", "confidential: no\nweight: hai\ndue: 2022-02-30"),
    Rule("ref.unknown", E, N_("A reference names a unit, cadre, task or profile that does not exist."),
         "cadre: nguyen-van-an", "cadre: nguyen-van-ann"),
    Rule("ref.kind", E, N_("A reference names a unit where a cadre is expected, or the other way round."),
         "responsibility: {accountable: nguyen-van-an}", "responsibility: {accountable: nguyet-duc}"),
    Rule("ref.cycle", E, N_("Units may not be their own ancestors."),
         "- {id: yen-lac, parent: vinh-phuc}", "- {id: yen-lac, parent: nguyet-duc}\n- {id: nguyet-duc, parent: yen-lac}"),
    Rule("ref.duplicate-id", E, N_("Ids are unique: units and cadres share one namespace; task ids are unique in their file."),
         "- id: \"01\"\n- id: \"02\"", "- id: \"01\"\n- id: \"01\""),
    Rule("ref.duplicate-assignment", E, N_("One Assignment per cadre, program and period."),
         "assignments/2022/nguyet-duc/nguyen-van-an.yaml", "a second focus file for nguyen-van-an in 2022"),
    Rule("ref.ambiguous", E, N_("An evaluation entry must say which program it scores when the cadre has several assignments in the period."),
         "- {cadre: nguyen-van-an, program: focus}", "- {cadre: nguyen-van-an}   # focus and product-contract both in 2022"),
    Rule("date.order", E, N_("Dates in order: start before due, done not before start, from before to."),
         "when: {start: 2022-02-15, due: 2022-09-30}", "when: {start: 2022-10-01, due: 2022-09-30}"),
    Rule("date.future", E, N_("Check-ins and outcomes record what happened: not dated after today."),
         "progress: [{date: 2022-03-31, value: 3}]", "progress: [{date: 2099-03-31, value: 3}]"),
    Rule("date.outside-period", W, N_("Due dates, checkpoints and check-ins fall inside the assignment's period."),
         "period: {from: 2022-01-01, to: 2022-12-31}\n…\n    due: 2022-09-30", "period: {from: 2022-01-01, to: 2022-12-31}\n…\n    due: 2023-03-31"),
    Rule("date.position-not-held", W, N_("The cadre held a position in the assignment's unit during the period."),
         "positions: [{unit: nguyet-duc, from: 2020-08-01}]", "positions: [{unit: tam-hong, from: 2020-08-01}]"),
    Rule("date.unit-not-valid", W, N_("The assignment's unit existed during the period."),
         "unit: yen-lac   # valid to 2025-06-30; period 2022", "unit: yen-lac   # valid to 2025-06-30; period 2026"),
    Rule("clarity.who", E, N_("Rõ người: one task, one lead (một việc một đầu mối), and the lead is a cadre."),
         "who: {lead: nguyen-van-an, support: [ubnd-nguyet-duc]}", "who: {lead: [nguyen-van-an, tran-thi-binh]}"),
    Rule("clarity.what", W, N_("Rõ việc: a task is concrete; general wording (tăng cường, nâng cao, đẩy mạnh…) with no measure and no verifiable product is flagged."),
         "what: Giải quyết dứt điểm 12 vụ vi phạm đất đai", "what: Tăng cường công tác quản lý đất đai"),
    Rule("clarity.when", E, N_("Rõ thời gian: a due date; a task over several years has a checkpoint in each year before the last."),
         "when: {due: 2022-09-30}", "when: {start: 2022-02-15}"),
    Rule("clarity.result", E, N_("Rõ kết quả: a product; a measure, when given, has an indicator, a unit and a target."),
         "result: {product: Quyết định xử lý 12 vụ, measure: {indicator: Số vụ, unit: vụ, target: 12}}", "result: {measure: {indicator: Số vụ}}"),
    Rule("clarity.responsibility", E, N_("Rõ trách nhiệm: an accountable cadre per task; a monitor and a basis on an assigned file."),
         "responsibility: {accountable: nguyen-van-an}", "responsibility: {support_from_above: Phòng TN&MT}"),
    Rule("clarity.authority", E, N_("Rõ thẩm quyền (6 rõ, with clarity: 6ro): who has the power to decide on the task."),
         "responsibility: {accountable: nguyen-van-an, authority: btv-huyen-uy-yen-lac}", "responsibility: {accountable: nguyen-van-an}"),
    Rule("eval.score-range", E, N_("A council's score for a task lies between 0 and the task's weight."),
         "\"01\": {score: 5}   # weight 5", "\"01\": {score: 7}   # weight 5"),
    Rule("eval.reason", E, N_("A decided tier is backed by a reason."),
         "decided_tier: good\nreason: Quyết định 30-QĐ/HU", "decided_tier: good"),
    Rule("eval.superseded", W, N_("When several sessions score the same assignment, the latest counts; the others are flagged."),
         "one Evaluation per assignment and period", "two Evaluations of nguyen-van-an for 2022"),
    Rule("profile.tiers", E, N_("Tiers are tried from the top: minimum points do not rise going down, and the last tier has no conditions."),
         "- {tier: good, min_points: 70}\n- {tier: not-completed}", "- {tier: good, min_points: 70}\n- {tier: completed, min_points: 80}"),
    Rule("profile.components", E, N_("A profile has a 'tasks' component for the points computed from the tasks."),
         "components: {general: 30, tasks: 70}", "components: {general: 30, results: 70}"),
    Rule("amend.missing", E, N_("With validate --base REV: a change of an assigned term (content, due date, target, weight) since REV cites an amendment decision added since REV that names the task."),
         "amendments:\n  - {date: 2022-07-01, decision: 210-QĐ/HU, tasks: [\"05\"]}\n…\n    when: {due: 2022-11-30}   # was 2022-09-30",
         "    when: {due: 2022-11-30}   # was 2022-09-30, no amendment"),
    Rule("config.scoring-overlap", E, N_("The scoring ranges of giaoviec.yaml do not overlap: one profile is in force on any date."),
         "- {profile: qd89-2017, from: 2017-01-01, to: 2023-10-03}\n- {profile: tw124-2023, from: 2023-10-04}",
         "- {profile: qd89-2017, from: 2017-01-01, to: 2023-12-31}\n- {profile: tw124-2023, from: 2023-10-04}"),
)

BY_CODE = {r.code: r for r in RULES}


def rule_for(code: str) -> Rule | None:
    if code in BY_CODE:
        return BY_CODE[code]
    return BY_CODE.get(code.split(".", 1)[0] + ".*")
