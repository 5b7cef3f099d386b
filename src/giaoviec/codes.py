"""Every diagnostic code, registered in one place: its severity, its explanation and a passing and
a failing example (`giaoviec rules` shows them; the tests require that every code emitted anywhere
is registered here and that every code registered here is produced by a case of the test corpus)."""

from __future__ import annotations

from dataclasses import dataclass

from giaoviec.diagnostics import N_, Severity

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    explanation: str
    good: str
    bad: str


CODES: tuple[Code, ...] = (
    Code("yaml.syntax", E, N_("The file must be valid YAML: indentation with spaces, a ':' after each key, quotes closed."),
         "what: Giải quyết 12 vụ vi phạm đất đai", "what: Giải quyết 12 vụ\n\tdue: 2022-09-30"),
    Code("yaml.duplicate-key", E, N_("A key may appear only once in a mapping; the second would silently replace the first."),
         "when: {start: 2022-02-15, due: 2022-09-30}", "when:\n  due: 2022-09-30\n  due: 2022-10-30"),
    Code("yaml.encoding", E, N_("Files are UTF-8 (a byte order mark is accepted)."),
         "(UTF-8) Nguyễn Văn An", "(Windows-1258) Nguy\\xd2n V\\xe3n An"),
    Code("yaml.too-large", E, N_("A document whose aliases expand past a million values, or nested deeper than 64 levels, is refused."),
         "base: &b {unit: vụ}\nmeasure: *b", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n# … nine levels more"),
    Code("schema.document", E, N_("A document is a mapping that starts with apiVersion and kind."),
         "apiVersion: giaoviec/v1\nkind: Units\nunits: []", "apiVersion: giaoviec/v1\n- kind: Units"),
    Code("schema.kind", E, N_("The kind is one of Config, Units, Cadres, Assignment, Evaluation, ScoringProfile."),
         "kind: Assignment", "kind: Assignement"),
    Code("schema.missing", E, N_("A required field is missing; the diagnostic points at the mapping that should hold it."),
         "tasks:\n  - id: \"01\"\n    what: Giải quyết 12 vụ", "tasks:\n  - what: Giải quyết 12 vụ"),
    Code("schema.extra_forbidden", E, N_("A field that the format does not know, often a misspelling; it points at the key."),
         "when: {due: 2022-09-30}", "when: {deadline: 2022-09-30}"),
    Code("schema.literal_error", E, N_("A value that must be one of a fixed list (a program, a status, a level, a role…) is not in it."),
         "program: focus", "program: trong-tam"),
    Code("schema.bool_type", E, N_("A yes/no field takes true or false; YAML 1.2 is read here, so yes, no, on and off are text."),
         "confidential: false", "confidential: no"),
    Code("schema.date_format", E, N_("Dates are written YYYY-MM-DD."), "due: 2022-09-30", "due: 30/09/2022"),
    Code("schema.date_from_datetime_parsing", E, N_("A date written YYYY-MM-DD that does not exist in the calendar."),
         "due: 2022-02-28", "due: 2022-02-30"),
    Code("schema.date_parsing", E, N_("A date outside what the calendar can hold (year 0000)."), "date: 2022-01-01", "date: 0000-01-01"),
    Code("schema.string_pattern_mismatch", E, N_("An id is a slug: lowercase letters without diacritics, digits and hyphens."),
         "cadre: nguyen-van-an", "cadre: Nguyễn Văn An"),
    Code("schema.string_type", E, N_("A text field holds a list or a mapping."), "what: Giải quyết 12 vụ", "what: [Giải quyết, 12 vụ]"),
    Code("schema.string_too_short", E, N_("A text field that must say something is empty."), "note: Lùi thời hạn", "decision: \"\""),
    Code("schema.too_short", E, N_("A list that needs at least one item is empty."), "tiers: [{tier: not-completed}]", "tiers: []"),
    Code("schema.finite_number", E, N_("A number is a finite figure: .inf and .nan are refused."), "target: 12", "target: .inf"),
    Code("schema.text_characters", E, N_("Text holds no control character (but tab and line breaks), no lone surrogate, no bidirectional override."),
         "what: Giải quyết 12 vụ", "what: \"Giải quyết\\u0000 12 vụ\""),
    Code("schema.float_type", E, N_("A number is expected."), "target: 12", "target: mười hai"),
    Code("schema.int_type", E, N_("A whole number is expected."), "quality_failures: 1", "quality_failures: 1.5"),
    Code("schema.greater_than", E, N_("A number must be above its lower limit (a weight above 0)."), "weight: 2", "weight: 0"),
    Code("schema.greater_than_equal", E, N_("A number must not be below its lower limit (a council score at least 0)."),
         "{score: 3}", "{score: -1}"),
    Code("schema.less_than_equal", E, N_("A number must not be above its upper limit (a share at most 1)."),
         "on_time_share: 0.8", "on_time_share: 80"),
    Code("schema.model_type", E, N_("A field that holds a mapping of fields (key: value) holds something else."),
         "when: {due: 2022-09-30}", "when: 2022-09-30"),
    Code("schema.dict_type", E, N_("A field that holds a mapping (key: value) holds something else."),
         "tasks: {\"01\": {score: 5}}", "tasks: [5, 3]"),
    Code("schema.tuple_type", E, N_("A field that holds a list (items starting with '- ') holds something else."),
         "support: [ubnd-nguyet-duc]", "support: ubnd-nguyet-duc"),
    Code("schema.value", E, N_("A value the format does not accept here, for a reason without a code of its own."),
         "weight: 2", "(a value of a shape no other schema code names)"),
    Code("ref.unknown", E, N_("A reference names a unit, cadre, task or profile that does not exist."),
         "cadre: nguyen-van-an", "cadre: nguyen-van-ann"),
    Code("ref.kind", E, N_("A reference names a unit where a cadre is expected, or the other way round."),
         "responsibility: {accountable: nguyen-van-an}", "responsibility: {accountable: nguyet-duc}"),
    Code("ref.cycle", E, N_("Units may not be their own ancestors."),
         "- {id: yen-lac, parent: vinh-phuc}", "- {id: yen-lac, parent: nguyet-duc}\n- {id: nguyet-duc, parent: yen-lac}"),
    Code("ref.duplicate-id", E, N_("Ids are unique: units and cadres share one namespace; task ids are unique in their file."),
         "- id: \"01\"\n- id: \"02\"", "- id: \"01\"\n- id: \"01\""),
    Code("ref.duplicate-assignment", E, N_("One Assignment per cadre, program and period."),
         "assignments/2022/nguyet-duc/nguyen-van-an.yaml", "a second focus file for nguyen-van-an in 2022"),
    Code("ref.ambiguous", E, N_("An evaluation entry must say which program it scores when the cadre has several assignments in the period."),
         "- {cadre: nguyen-van-an, program: focus}", "- {cadre: nguyen-van-an}   # focus and product-contract both in 2022"),
    Code("date.order", E, N_("Dates in order: start before due, done not before start, from before to."),
         "when: {start: 2022-02-15, due: 2022-09-30}", "when: {start: 2022-10-01, due: 2022-09-30}"),
    Code("date.future", E, N_("Check-ins and outcomes record what happened: not dated after today."),
         "progress: [{date: 2022-03-31, value: 3}]", "progress: [{date: 2099-03-31, value: 3}]"),
    Code("date.outside-period", W, N_("Due dates, checkpoints and check-ins fall inside the assignment's period."),
         "period: {from: 2022-01-01, to: 2022-12-31}\n…\n    due: 2022-09-30", "period: {from: 2022-01-01, to: 2022-12-31}\n…\n    due: 2023-03-31"),
    Code("date.after-period", W, N_("An outcome or check-in dated after the period's end: no year's results of the assignment can count it."),
         "period: {from: 2024-01-01, to: 2024-12-31}\n…\n    outcome: {done_on: 2024-12-20, value: 1350}",
         "period: {from: 2024-01-01, to: 2024-12-31}\n…\n    outcome: {done_on: 2025-01-10, value: 1350}"),
    Code("date.position-not-held", W, N_("The cadre held a position in the assignment's unit during the period."),
         "positions: [{unit: nguyet-duc, from: 2020-08-01}]", "positions: [{unit: tam-hong, from: 2020-08-01}]"),
    Code("date.unit-not-valid", W, N_("The assignment's unit existed during the period."),
         "unit: yen-lac   # valid to 2025-06-30; period 2022", "unit: yen-lac   # valid to 2025-06-30; period 2026"),
    Code("clarity.who", E, N_("Rõ người: one task, one lead (một việc một đầu mối), and the lead is a cadre."),
         "who: {lead: nguyen-van-an, support: [ubnd-nguyet-duc]}", "who: {lead: [nguyen-van-an, tran-thi-binh]}"),
    Code("clarity.what", W, N_("Rõ việc: a task is concrete; general wording (tăng cường, nâng cao, đẩy mạnh…) with no measure and no verifiable product is flagged."),
         "what: Giải quyết dứt điểm 12 vụ vi phạm đất đai", "what: Tăng cường công tác quản lý đất đai"),
    Code("clarity.when", E, N_("Rõ thời gian: a due date; a task over several years has a checkpoint in each year before the last."),
         "when: {due: 2022-09-30}", "when: {start: 2022-02-15}"),
    Code("clarity.result", E, N_("Rõ kết quả: a product; a measure, when given, has an indicator, a unit and a target."),
         "result: {product: Quyết định xử lý 12 vụ, measure: {indicator: Số vụ, unit: vụ, target: 12}}", "result: {measure: {indicator: Số vụ}}"),
    Code("clarity.responsibility", E, N_("Rõ trách nhiệm: an accountable cadre per task; a monitor and a basis on an assigned file."),
         "responsibility: {accountable: nguyen-van-an}", "responsibility: {support_from_above: Phòng TN&MT}"),
    Code("clarity.authority", E, N_("Rõ thẩm quyền (6 rõ, with clarity: 6ro): who has the power to decide on the task."),
         "responsibility: {accountable: nguyen-van-an, authority: btv-huyen-uy-yen-lac}", "responsibility: {accountable: nguyen-van-an}"),
    Code("eval.score-range", E, N_("A council's score for a task lies between 0 and the task's weight."),
         "\"01\": {score: 5}   # weight 5", "\"01\": {score: 7}   # weight 5"),
    Code("eval.reason", E, N_("A decided tier is backed by a reason."),
         "decided_tier: good\nreason: Quyết định 30-QĐ/HU", "decided_tier: good"),
    Code("eval.stale", W, N_("A council's task score is older than a later change of that task's outcome, due date or target (from the dates in the files, and from git history where there is one)."),
         "date: 2022-12-28   # the session\n…\n    outcome: {done_on: 2022-12-20}", "date: 2022-12-28   # the session\n…\n    outcome: {done_on: 2023-01-05}"),
    Code("eval.superseded", W, N_("When several sessions score the same assignment, the latest counts; the others are flagged."),
         "one Evaluation per assignment and period", "two Evaluations of nguyen-van-an for 2022"),
    Code("profile.tiers", E, N_("Tiers are tried from the top: minimum points do not rise going down, and the last tier has no conditions."),
         "- {tier: good, min_points: 70}\n- {tier: not-completed}", "- {tier: good, min_points: 70}\n- {tier: completed, min_points: 80}"),
    Code("profile.components", E, N_("A profile has a 'tasks' component for the points computed from the tasks."),
         "components: {general: 30, tasks: 70}", "components: {general: 30, results: 70}"),
    Code("amend.missing", E, N_("With validate --base REV: a change of an assigned term (content, due date, target, weight) since REV cites an amendment decision added since REV that names the task."),
         "amendments:\n  - {date: 2022-07-01, decision: 210-QĐ/HU, tasks: [\"05\"]}\n…\n    when: {due: 2022-11-30}   # was 2022-09-30",
         "    when: {due: 2022-11-30}   # was 2022-09-30, no amendment"),
    Code("config.scoring-overlap", E, N_("The scoring ranges of giaoviec.yaml do not overlap: one profile is in force on any date."),
         "- {profile: qd89-2017, from: 2017-01-01, to: 2023-10-03}\n- {profile: tw124-2023, from: 2023-10-04}",
         "- {profile: qd89-2017, from: 2017-01-01, to: 2023-12-31}\n- {profile: tw124-2023, from: 2023-10-04}"),
    Code("score.quota", W, N_("score: a tier's quota (at most a share of the tier below it, within a peer group) is exceeded."),
         "1 excellent against 5 good (share 0.2)", "2 excellent against 5 good (share 0.2)"),
    Code("score.component-range", W, N_("score: a council-entered component is above its maximum in the profile (it is shown, not clipped)."),
         "general: 27   # of 30", "general: 35   # of 30"),
    Code("sheet.unreadable", E, N_("import: the file is not a workbook that can be read (.xlsx)."), "giao-viec.xlsx", "a .xls or a damaged file"),
    Code("sheet.missing-sheet", E, N_("import: no sheet has a header row naming the task columns (or no sheet holds a cadre's scores)."),
         "a sheet with 'Nội dung nhiệm vụ', 'Hạn hoàn thành'…", "a workbook without such a header row"),
    Code("sheet.missing-column", E, N_("import: a column the assignment needs (task id, content, cadre, unit, period) is given nowhere."),
         "'Mã nhiệm vụ' and 'Nội dung nhiệm vụ' columns", "no 'Mã nhiệm vụ' column"),
    Code("sheet.date", E, N_("import: a date cell holds something that is not a date (dd/mm/yyyy or an Excel date)."), "30/09/2022", "cuối quý 3"),
    Code("sheet.number", E, N_("import: a number cell (target, weight) holds something that is not a number."), "12", "mười hai"),
    Code("sheet.value", E, N_("import: a cell holds a value that is not allowed there (a program, a checkpoint, a score above the weight…)."),
         "nhiệm vụ trọng tâm", "trọng tâm hơn"),
    Code("sheet.exists", E, N_("import: the file the sheet would write exists with other content; it is left as it is."),
         "a new assignment, or one unchanged", "an assignment edited since it was imported"),
)

BY_CODE = {c.code: c for c in CODES}


def code_for(code: str) -> Code | None:
    return BY_CODE.get(code)
