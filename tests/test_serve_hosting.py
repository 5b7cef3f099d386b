"""`giaoviec serve` started from the command line (review-serve.md 5, 7, 11): the Host names a non-local
address is reached by, --allowed-host for a reverse proxy, an IPv6 address in brackets, the notice of
--allow-writes, --commit outside git and a port in use refused before anything is served."""

from __future__ import annotations

import shutil
import socket
import warnings

import pytest

from conftest import EXAMPLES

warnings.filterwarnings("ignore", category=DeprecationWarning)
pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from test_serve import AN_2026, form_fields, task_url  # noqa: E402


@pytest.fixture
def root(tmp_path):
    r = tmp_path / "vp"
    shutil.copytree(EXAMPLES / "vinh-phuc", r)
    return r


@pytest.fixture
def started(monkeypatch):
    import uvicorn

    from giaoviec.serve import guard

    runs: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: runs.append({"app": app, **kw}))
    monkeypatch.setattr(guard, "machine_names", lambda: {"192.0.2.2", "may-chu", "fd00::2"}, raising=False)
    return runs


def test_any_interface_answers_the_machines_names_and_addresses(root, cli, started):
    run = cli("-C", str(root), "serve", "--host", "0.0.0.0", "--port", "18435")
    assert run.code == 0, run.err
    app = started[-1]["app"]
    for host in ("192.0.2.2:18435", "may-chu:18435", "[fd00::2]:18435", "127.0.0.1:18435", "localhost:18435"):
        assert TestClient(app, base_url=f"http://{host}").get("/").status_code == 200, host
    for host in ("evil.example:18435", "192.0.2.2:9999", "0.0.0.0.evil:18435"):
        assert TestClient(app, base_url=f"http://{host}").get("/").status_code == 400, host


def test_ipv6_loopback_is_printed_and_answered_in_brackets(root, cli, started, monkeypatch):
    from giaoviec.cli import serve

    monkeypatch.setattr(serve, "_free", lambda host, port: None, raising=False)  # (a machine without IPv6 may not bind ::1)
    run = cli("-C", str(root), "serve", "--host", "::1", "--port", "18438")
    assert run.code == 0 and "http://[::1]:18438/" in run.err
    app = started[-1]["app"]
    assert TestClient(app, base_url="http://[::1]:18438").get("/").status_code == 200
    assert TestClient(app, base_url="http://evil.example:18438").get("/").status_code == 400


def test_allowed_host_serves_a_reverse_proxys_public_name(root, cli, started):
    run = cli("-C", str(root), "serve", "--host", "0.0.0.0", "--port", "18436", "--allow-writes",
              "--allowed-host", "giaoviec.tinh.vn")
    assert run.code == 0
    assert "reverse proxy" in run.err and "cho phép ghi" in run.err  # the notice, with writes allowed too
    c = TestClient(started[-1]["app"], base_url="https://giaoviec.tinh.vn", follow_redirects=False)
    page = c.get(task_url(AN_2026, "02"))
    assert page.status_code == 200
    r = c.post("/task?year=2026", data={**form_fields(page.text), "date": "2026-10-14", "value": "98"},
               headers={"Origin": "https://giaoviec.tinh.vn"})
    assert r.status_code == 303
    refused = c.post("/task?year=2026", data={**form_fields(c.get(task_url(AN_2026, "02")).text), "value": "1"},
                     headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403


def test_commit_outside_a_git_work_tree_is_refused_at_start(root, cli, started):
    run = cli("-C", str(root), "serve", "--commit", "--port", "18437")
    assert run.code == 2 and "--commit cần một kho git" in run.err and "Đang phục vụ" not in run.err
    assert not started


def test_a_port_in_use_is_said_before_serving(root, cli, started):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = cli("-C", str(root), "serve", "--port", str(port))
    assert run.code == 2 and f"Cổng {port} trên 127.0.0.1 đang được dùng" in run.err
    assert "Đang phục vụ" not in run.err and not started
