"""The lifecycle of an assignment in review: a draft (proposed, appraised) is edited freely, its
terms bind once it is assigned; `diff` says when the status moves, and names a new draft's cadre,
tasks and a change of the organisation in the domain's words."""

from __future__ import annotations

import json

from conftest import subprocess_cli
from test_review import REL, edit, git, repo  # noqa: F401  (the fixture)


def _draft(root, status: str = "proposed") -> None:
    edit(root, "status: closed\n", f"status: {status}\n")
    git(root, "commit", "-qam", f"the file as a {status} draft")


def test_appraising_a_proposal_passes_validate_base(repo):  # noqa: F811
    _draft(repo, "proposed")
    edit(repo, "status: proposed\n", "status: appraised\n")
    edit(repo, "target: 12}", "target: 8}")
    edit(repo, "when: {due: 2024-10-31}", "when: {due: 2024-12-15}")
    edit(repo, "weight: 3", "weight: 2")
    edit(repo, "what: Xây dựng nhà văn hóa thôn Đông", "what: Xây dựng và đưa vào sử dụng nhà văn hóa thôn Đông")
    git(repo, "commit", "-qam", "appraised: the targets settled")
    run = subprocess_cli("-C", str(repo), "validate", "--base", "HEAD~1", "--format", "json")
    assert [d["code"] for d in json.loads(run.out)["diagnostics"] if d["code"].startswith("amend.")] == []
    diff = subprocess_cli("-C", str(repo), "diff", "HEAD~1")
    assert "không có quyết định điều chỉnh" not in diff.out
    assert "trạng thái: đề xuất → đã thẩm định" in diff.out


def test_assigning_an_appraised_draft_says_the_terms_now_bind(repo):  # noqa: F811
    _draft(repo, "appraised")
    edit(repo, "status: appraised\n", "status: assigned\n")
    git(repo, "commit", "-qam", "assigned by 5-QĐ/TU")
    diff = subprocess_cli("-C", str(repo), "diff", "HEAD~1")
    assert "Không có thay đổi nào" not in diff.out
    assert "trạng thái: đã thẩm định → đã giao" in diff.out and "ràng buộc" in diff.out
    changes = json.loads(subprocess_cli("-C", str(repo), "diff", "HEAD~1", "--format", "json").out)["changes"]
    assert [(c["kind"], c["old"], c["new"]) for c in changes] == [("status", "appraised", "assigned")]
    assert subprocess_cli("-C", str(repo), "validate", "--base", "HEAD~1").code == 0


def test_an_assigned_task_still_needs_its_amendment(repo):  # noqa: F811
    """Once assigned, a change of terms needs its decision, even when the same change moves the file back to a draft."""
    edit(repo, "status: closed\n", "status: proposed\n")
    edit(repo, "target: 12}", "target: 8}")
    git(repo, "commit", "-qam", "back to a draft, and easier")
    run = subprocess_cli("-C", str(repo), "validate", "--base", "HEAD~1", "--format", "json")
    assert run.code == 1 and "amend.missing" in [d["code"] for d in json.loads(run.out)["diagnostics"]]


def test_a_new_draft_names_its_cadre_and_counts_its_tasks(repo):  # noqa: F811
    rel = "assignments/2025/xa-dong/le-thi-mai.yaml"
    text = (repo / REL).read_text(encoding="utf-8").replace("2024", "2025").replace("status: closed", "status: proposed")
    (repo / rel).parent.mkdir(parents=True)
    (repo / rel).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a proposal for 2025")
    out = subprocess_cli("-C", str(repo), "diff", "HEAD~1").out
    assert "Lê Thị Mai" in out and "le-thi-mai (" not in out
    assert "giao việc mới (đề xuất): 2 nhiệm vụ" in out


def test_a_change_of_the_units_is_said(repo):  # noqa: F811
    edit(repo, "name: Xã Đông,", "name: Xã Đông Thành,", "org/units.yaml")
    git(repo, "commit", "-qam", "rename")
    out = subprocess_cli("-C", str(repo), "diff", "HEAD~1").out
    assert "org/units.yaml" in out and "Không có thay đổi nào" not in out
    assert "đơn vị Xã Đông Thành (xa-dong): đổi tên" in out  # what changed, in words


def test_a_new_unit_and_its_draft_in_one_change(repo):  # noqa: F811
    with open(repo / "org/units.yaml", "a", encoding="utf-8") as units:
        units.write("  - {id: xa-tay, name: Xã Tây, level: commune, parent: dang-bo-tinh-phu-tho}\n")
    rel = "assignments/2025/xa-tay/le-thi-mai.yaml"
    text = (repo / REL).read_text(encoding="utf-8").replace("2024", "2025").replace("status: closed", "status: proposed")
    (repo / rel).parent.mkdir(parents=True)
    (repo / rel).write_text(text.replace("unit: xa-dong", "unit: xa-tay"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a new commune and its proposal")
    for fmt in ("text", "md"):
        out = subprocess_cli("-C", str(repo), "diff", "HEAD~1", "--format", fmt).out
        assert "org/units.yaml" in out and "giao việc mới (đề xuất): 2 nhiệm vụ" in out and "Lê Thị Mai" in out
    assert "Xã Tây: 1 cán bộ" in out  # the Markdown folds the new draft under its unit, by name
    assert "thêm đơn vị Xã Tây (xa-tay)" in out


def test_a_council_component_is_named_in_words():
    from giaoviec.compute.review import flagged
    from giaoviec.domain.semdiff import Change, Owner
    from giaoviec.i18n import translator
    from giaoviec.render.diff import describe

    change = Change("council-component", Owner("evaluations/2025/hd.yaml", "a", "focus", "2025-01-01 – 2025-12-31"), field="reform", old=None, new=8)
    line = describe(change, translator("vi"))
    assert "'đổi mới, sáng tạo'" in line and "reform" not in line and flagged(change)


def test_reopening_a_closed_file_is_flagged_without_the_binding_note():
    from giaoviec.compute.review import flagged
    from giaoviec.domain.semdiff import Change, Owner
    from giaoviec.i18n import translator
    from giaoviec.render.diff import describe

    owner = Owner("assignments/2024/x/a.yaml", "a", "focus", "2024-01-01 – 2024-12-31")
    reopened = Change("status", owner, field="status", old="closed", new="assigned")
    assert describe(reopened, translator("vi")) == "trạng thái: đã kết thúc → đã giao" and flagged(reopened)
    closing = Change("status", owner, field="status", old="assigned", new="closed")
    assert describe(closing, translator("vi")) == "trạng thái: đã giao → đã kết thúc" and not flagged(closing)
