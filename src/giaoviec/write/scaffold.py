"""`giaoviec init`: a new data repository that validates at once, with CI, review rules and editor
settings; and `giaoviec new assignment`: a new file from the template."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import unicodedata
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined

from giaoviec import __version__
from giaoviec.diagnostics import N_, ExitCode, Fatal
from giaoviec.i18n import translator
from giaoviec.load.files import CONFIG_FILE
from giaoviec.model.values import AssignmentSummary, Repository
from giaoviec.render import schemas
from giaoviec.render.escape import md, text_ok, visible
from giaoviec.words import PROGRAM, SOURCE
from giaoviec.write.atomic import locked, write_all
from giaoviec.write.paths import data_path
from giaoviec.write.yamlwrite import scalar

FILES = {  # template → place in the new repository
    "giaoviec.yaml": CONFIG_FILE,
    "units.yaml": "org/units.yaml",
    "cadres.yaml": "org/cadres.yaml",
    "workflow.yml": ".github/workflows/giaoviec.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "CODEOWNERS": "CODEOWNERS",
    "vscode-settings.json": ".vscode/settings.json",
    "README.md": "README.md",
    "assignments-README.md": "assignments/README.md",
    "evaluations-README.md": "evaluations/README.md",
}


def ScaffoldError(message: str, **args: Any) -> Fatal:
    """The scaffold is refused (exit 2); nothing is written."""
    return Fatal(ExitCode.USAGE, message, **args)




def install_requirement(source: str | None = None, ref: str | None = None) -> str:
    """What CI and pre-commit install: giaoviec from a git repository at a tag or commit (this
    version's tag of the project's repository by default), as pip writes it."""
    return f"giaoviec @ git+{source or SOURCE}@{ref or 'v' + __version__}"


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "don-vi"


def init(folder: Path, organization: str, requirement: str | None = None, force: bool = False) -> list[Path]:
    """Writes the new repository, every file or none; refuses a folder that already holds a
    giaoviec.yaml, and one holding any file it would replace unless `force` (the files are named)."""
    if (folder / CONFIG_FILE).exists():
        raise ScaffoldError(N_("{path} already holds a data repository."), path=str(folder))
    if not organization.strip() or not text_ok(organization) or "\n" in organization or "\t" in organization:
        raise ScaffoldError(N_("The organisation's name must be one line of text, without control characters; nothing was written."))
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    env.filters.update(yaml=scalar, yaml_flow=lambda v: scalar(v, flow=True), md=md, shell=shlex.quote)
    env.globals["gh"] = lambda expression: "${{ " + expression + " }}"  # a GitHub Actions expression, written as is
    values = {"organization": organization, "unit": slug(organization), "requirement": requirement or install_requirement()}
    templates = resources.files("giaoviec") / "templates" / "init"
    files = [(target, env.from_string(templates.joinpath(name).read_text(encoding="utf-8")).render(**values)) for name, target in FILES.items()]
    files += [(f"schemas/{name}", text) for name, text in schemas.render_all().items()]
    there = [rel for rel, _text in files if (folder / rel).exists() or (folder / rel).is_symlink()]
    if there and not force:
        raise Fatal(ExitCode.USAGE, N_("{path} is not empty: init would replace {files}; nothing was written."),
                    hint=N_("Add --force to replace them, or give an empty folder."), path=str(folder), files=", ".join(there))
    folder.mkdir(parents=True, exist_ok=True)
    targets = [(data_path(folder, rel), text.encode("utf-8")) for rel, text in files]
    with locked(folder):
        write_all(folder, targets)
    return [path for path, _data in targets]


ASSIGNMENT = """\
# yaml-language-server: $schema={schema}
# Giao việc {program_name} cho {name}, kỳ {start} – {end}.
# Khi đã có quyết định giao: đổi status thành assigned, điền basis (căn cứ) và monitor (đầu mối theo dõi).
apiVersion: giaoviec/v1
kind: Assignment
cadre: {cadre}
unit: {unit}
position: {position_q}
program: {program}
period: {{from: {start}, to: {end}}}
status: proposed
# basis: {{number: …-QĐ/…, date: YYYY-MM-DD, issued_by: <mã đơn vị ban hành>}}
# monitor: <mã đơn vị hoặc cán bộ theo dõi>
tasks: []
# Mỗi nhiệm vụ đủ 5 rõ, ví dụ:
#  - id: "01"
#    what: Giải quyết dứt điểm 12 vụ vi phạm đất đai tồn đọng
#    who: {{lead: {cadre}}}
#    when: {{due: {end}}}
#    result:
#      product: Quyết định xử lý 12 vụ
#      measure: {{indicator: Số vụ được xử lý, unit: vụ, target: 12}}
#    responsibility: {{accountable: {cadre}}}
#    weight: 1
"""


def _comment(text: str) -> str:
    """Text that stays inside one comment line, whatever it holds."""
    return " ".join(visible(text).split())


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", text.strip())
    if not match:
        raise ScaffoldError(N_("The period is a year (2026) or a term (2021-2025), not '{text}'."), text=text)
    first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    if last < first:
        raise ScaffoldError(N_("The period is a year (2026) or a term (2021-2025), not '{text}'."), text=text)
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def new_assignment(repo: Repository, cadre: str, period: str, program: str, existing: Sequence[AssignmentSummary] = ()) -> Path:
    """Writes the new file; refuses (exit 1, nothing written) when `existing` already holds an
    assignment of the cadre and program for an overlapping period: a second one would make the
    council's scores ambiguous."""
    entry = repo.cadres.get(cadre)
    if entry is None:
        raise ScaffoldError(N_("Unknown cadre '{cadre}'."), cadre=cadre)
    start, end = parse_period(period)
    for other in existing:
        if other.cadre == cadre and other.program == program and other.period.overlaps(start, end):
            raise Fatal(ExitCode.DATA_ERRORS, N_("{name} already has a '{program}' assignment for {start} – {end} in {path}; nothing was written."),
                        hint=N_("Edit that file; or give another program (--program) or another period."),
                        name=entry.item.name, program=program, start=other.period.start, end=other.period.end, path=other.path)
    held = [p for p in entry.item.positions if (p.start or dt.date.min) <= end and start <= (p.end or dt.date.max)]
    if not held:
        raise ScaffoldError(N_("{name} held no position between {start} and {end}; add it in org/ first."),
                            name=entry.item.name, start=start, end=end)
    position = max(held, key=lambda p: p.start or dt.date.min)
    folder_rel = f"assignments/{start.year if start.year == end.year else f'{start.year}-{end.year}'}/{position.unit}"
    rel = f"{folder_rel}/{cadre}.yaml"
    if (repo.root / rel).is_file() and not (repo.root / rel).is_symlink():
        rel = f"{folder_rel}/{cadre}-{program}.yaml"
    path = data_path(repo.root, rel)
    if path.exists():
        raise ScaffoldError(N_("{path} already exists."), path=rel)
    depth = len(Path(rel).parts) - 1
    path.parent.mkdir(parents=True, exist_ok=True)
    data_path(repo.root, rel)  # again: the folders made on the way are the repository's own
    text = ASSIGNMENT.format(
        schema="../" * depth + "schemas/assignment.schema.json", program_name=translator("vi")(PROGRAM[program]), name=_comment(entry.item.name),
        start=start, end=end, cadre=cadre, unit=position.unit, position_q=scalar(position.title), program=program,
    )
    with locked(repo.root):  # under the journal: a file that appears meanwhile is never replaced
        write_all(repo.root, [(path, text.encode("utf-8"))])
    return path
