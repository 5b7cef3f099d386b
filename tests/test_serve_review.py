"""The findings of the hostile review of `giaoviec serve` (issue 30, review-serve.md), each a test
that failed before its fix: in process, with Starlette's TestClient, on a copy of the example."""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
from html import unescape

import pytest

warnings.filterwarnings("ignore", category=DeprecationWarning)
pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from giaoviec.serve.site import Options, Site  # noqa: E402
from giaoviec.serve.web import create_app  # noqa: E402
from test_serve import AN_2026, LAN, TODAY, client, form_fields, root, task_url  # noqa: E402,F401


def git(root, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@x", *args], cwd=root, check=True,
                          capture_output=True, text=True)
    return done.stdout


def committed(root):
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    return root


def text(response) -> str:
    return unescape(response.text)


# 1. --public: the task page shows no git history (a commit message can name a confidential task)
def test_public_task_page_shows_no_git_history(root):
    committed(root)
    path = root / LAN
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(root, "commit", "-qam", "Báo cáo tiến độ: 03 — MẬT đã xác minh 3 hồ sơ tố cáo")
    answer = client(root, public=True, read_only=True).get(task_url(LAN, "01", 2022))
    assert answer.status_code == 200
    public = text(answer)
    assert "MẬT đã xác minh" not in public and "start" not in public
    assert "Lịch sử (git)" not in public
    private = text(client(root).get(task_url(LAN, "01", 2022)))
    assert "MẬT đã xác minh" in private  # the private view keeps the history


# 2. every page built from incomplete data says so: /due and /task as the others
def test_due_says_it_is_incomplete_when_the_cadres_are_missing(root):
    (root / "org" / "cadres.yaml").unlink()
    due = text(client(root).get("/due"))
    assert "CHƯA ĐẦY ĐỦ" in due or "Số liệu này còn thiếu" in due or "Chưa đầy đủ" in due
    assert 'class="warn"' in due


def test_due_and_task_say_a_broken_file_is_left_out(root):
    broken = root / "assignments/2026/broken.yaml"
    broken.write_text("kind: Assignment\n  : [\n", encoding="utf-8")
    c = client(root)
    for url in ("/due", task_url(AN_2026, "02")):
        page = text(c.get(url))
        assert 'class="warn"' in page and "broken.yaml" in page, url


def test_public_due_says_how_many_confidential_items_it_left_out(root):
    due = text(client(root, public=True, read_only=True).get("/due"))
    assert "nhiệm vụ mật" in due
