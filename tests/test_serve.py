"""`giaoviec serve` in process (Starlette's TestClient): every page, every form, the safety rules,
the public view and the calendar, on a copy of the example."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import warnings
from html import unescape

import pytest

from conftest import EXAMPLES

warnings.filterwarnings("ignore", category=DeprecationWarning)
pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient  # noqa: E402

from giaoviec.serve.site import Options, Site  # noqa: E402
from giaoviec.serve.web import create_app  # noqa: E402

TODAY = dt.date(2026, 10, 15)
AN_2026 = "assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml"
LAN = "assignments/2022/so-noi-vu-vinh-phuc/ngo-thi-lan.yaml"


@pytest.fixture
def root(tmp_path):
    r = tmp_path / "vp"
    shutil.copytree(EXAMPLES / "vinh-phuc", r)
    return r


def client(root, **options) -> TestClient:
    site = Site(Options(root, today=TODAY, **options))
    return TestClient(create_app(site, {"testserver"}), follow_redirects=False)


def links(html: str, prefix: str) -> list[str]:
    return [unescape(h) for h in re.findall(rf'href="({re.escape(prefix)}[^"]*)"', html)]


def form_fields(html: str, kind: str = "check-in") -> dict[str, str]:
    form = next(f for f in re.findall(r"<form method=\"post\".*?</form>", html, re.S) if f'value="{kind}"' in f)
    return {n: unescape(v) for n, v in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form)}


def task_url(rel: str, task: str, year: int = 2026) -> str:
    from giaoviec.serve.pages import task_href

    return task_href(rel, task, year)


def test_every_page_answers_with_the_safety_headers(root):
    c = client(root)
    overview = c.get("/?year=2026")
    assert overview.status_code == 200
    assert "Tổng quan" in overview.text and "Nguyệt Đức" in overview.text
    units = links(overview.text, "/unit/")
    assert units
    seen_cadre = None
    for u in units:
        page = c.get(u)
        assert page.status_code == 200, u
        if seen_cadre is None and (cadres := links(page.text, "/cadre/")):
            seen_cadre = cadres[0]
    assert seen_cadre is not None
    cadre = c.get(seen_cadre)
    assert cadre.status_code == 200 and "Xếp loại" in cadre.text
    tasks = links(cadre.text, "/task?")
    assert tasks and c.get(tasks[0]).status_code == 200
    for url in ("/problems", "/due", "/lich.ics", "/site.css", "/unit/phu-tho.ics", "/cadre/nguyen-van-an.ics",
                "/unit/phu-tho/report.html?year=2025", "/unit/phu-tho/report.md?year=2025"):
        r = c.get(url)
        assert r.status_code == 200, url
        assert "default-src 'none'" in r.headers["content-security-policy"]
    assert c.get("/unit/no-such-unit").status_code == 404
    assert c.get("/cadre/no-such-cadre").status_code == 404


def test_no_request_leaves_the_machine(root):
    c = client(root)
    for url in ("/", "/due", "/problems", "/cadre/nguyen-van-an?year=2026", task_url(AN_2026, "02")):
        html = c.get(url).text
        assert not re.search(r'(src|href|action)="(https?:)?//', html), url
        assert "<script" not in html


def test_a_foreign_host_is_refused(root):
    site = Site(Options(root, today=TODAY))
    c = TestClient(create_app(site, {"127.0.0.1:8000"}), base_url="http://evil.example:8000")
    assert c.get("/").status_code == 400


def test_a_check_in_appends_lines_and_nothing_else(root):
    c = client(root)
    before = (root / AN_2026).read_bytes()
    page = c.get(task_url(AN_2026, "02"))
    fields = form_fields(page.text)
    r = c.post("/task?year=2026", data={**fields, "date": "2026-10-14", "value": "99,8", "note": "Quý IV", "evidence": "https://x.vn/bc"})
    assert r.status_code == 303
    after = (root / AN_2026).read_bytes()
    added = after.decode().splitlines()
    old = before.decode().splitlines()
    extra = [line for line in added if line not in old]
    assert len(added) == len(old) + 1 and len(extra) == 1
    assert "2026-10-14" in extra[0] and "99.8" in extra[0] and "note: \"Quý IV\"" in extra[0] and "evidence: [\"https://x.vn/bc\"]" in extra[0]  # the link in the check-in's evidence
    assert [line for line in added if line != extra[0]] == old  # every other line as it was, in order
    shown = c.get(r.headers["location"])
    assert "Đã lưu" in shown.text and "99,8" in shown.text  # the next page reads the changed file


def test_an_outcome_is_recorded(root):
    c = client(root)
    fields = form_fields(c.get(task_url(AN_2026, "02")).text, "outcome")
    r = c.post("/task?year=2026", data={**fields, "done_on": "2026-10-10", "value": "100"})
    assert r.status_code == 303
    assert "done_on: 2026-10-10" in (root / AN_2026).read_text()


def test_a_stale_form_is_refused_and_the_file_left_alone(root):
    c = client(root)
    fields = form_fields(c.get(task_url(AN_2026, "02")).text)
    path = root / AN_2026
    path.write_text(path.read_text() + "# sửa tay\n")
    changed = path.read_bytes()
    r = c.post("/task?year=2026", data={**fields, "date": "2026-10-14", "value": "1"})
    assert r.status_code == 409 and "đã thay đổi trên đĩa" in r.text
    assert path.read_bytes() == changed


def test_a_change_that_would_be_invalid_is_refused_with_its_message(root):
    c = client(root)
    fields = form_fields(c.get(task_url(AN_2026, "02")).text)
    before = (root / AN_2026).read_bytes()
    r = c.post("/task?year=2026", data={**fields, "date": "2027-02-01", "value": "1"})
    line = next(i for i, text in enumerate((root / AN_2026).read_text().splitlines(), 1) if text.strip() == '- id: "02"')
    assert r.status_code == 422 and f"{AN_2026}:{line}:5" in r.text and "2027" in r.text
    assert (root / AN_2026).read_bytes() == before


def test_writes_need_the_token_and_this_origin(root):
    c = client(root)
    fields = form_fields(c.get(task_url(AN_2026, "02")).text)
    before = (root / AN_2026).read_bytes()
    assert c.post("/task?year=2026", data={**fields, "csrf": "wrong", "date": "2026-10-14"}).status_code == 403
    assert c.post("/task?year=2026", data={**fields, "date": "2026-10-14"}, headers={"origin": "http://evil.example"}).status_code == 403
    assert (root / AN_2026).read_bytes() == before


def test_no_route_reaches_outside_the_repository(root):
    c = client(root)
    fields = form_fields(c.get(task_url(AN_2026, "02")).text)
    for name in ("../../etc/passwd", "/etc/passwd", "giaoviec.yaml"):
        assert c.get(task_url(name, "01")).status_code == 404
        assert c.post("/task?year=2026", data={**fields, "file": name, "date": "2026-10-14"}).status_code == 404


def test_read_only_shows_no_form_and_refuses_writes(root):
    c = client(root, read_only=True)
    page = c.get(task_url(AN_2026, "02"))
    assert page.status_code == 200 and "<form method=\"post\"" not in page.text
    assert c.post("/task?year=2026", data={"file": AN_2026, "id": "02"}).status_code == 403


def test_markup_in_a_task_is_shown_as_text(root):
    path = root / AN_2026
    path.write_text(path.read_text().replace("Kiện toàn 12 chi bộ thôn", "<script>alert(1)</script> Kiện toàn 12 chi bộ thôn"))
    c = client(root)
    html = c.get("/cadre/nguyen-van-an?year=2026").text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_file_changed_on_disk_shows_on_the_next_request(root):
    c = client(root)
    assert "Nguyễn Văn Ân" not in c.get("/cadre/nguyen-van-an?year=2026").text
    cadres = root / "org/cadres.yaml"
    cadres.write_text(cadres.read_text().replace("name: Nguyễn Văn An", "name: Nguyễn Văn Ân", 1))
    assert "Nguyễn Văn Ân" in c.get("/cadre/nguyen-van-an?year=2026").text


def test_public_view_shows_no_confidential_string(root):
    from test_report import confidential_strings

    secrets = confidential_strings(root)
    assert secrets
    c = client(root, public=True, read_only=True)
    pages = ["/?year=2022", "/due", "/problems?year=2022", "/lich.ics", "/cadre/ngo-thi-lan?year=2022",
             "/unit/so-noi-vu-vinh-phuc?year=2022", "/unit/so-noi-vu-vinh-phuc/report.html?year=2022",
             "/unit/vinh-phuc/report.md?year=2022", task_url(LAN, "03", 2022)]
    for url in pages:
        text = unescape(c.get(url).text)
        assert not [s for s in secrets if s in text], url


def test_the_cadre_page_shows_the_score_of_score(root, cli):
    import json

    got = cli("-C", str(root), "score", "2025", "--format", "json")
    points = {c["cadre"]: c["points"] for c in json.loads(got.out)["cadres"]}
    html = client(root).get("/cadre/nguyen-van-an?year=2025").text
    from giaoviec import formats

    assert formats.number(points["nguyen-van-an"], "vi") in html


def test_commit_makes_one_commit_in_the_domains_words(root):
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@x", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@x", "commit", "-qm", "start"], cwd=root, check=True)
    subprocess.run(["git", "config", "user.name", "Thư ký"], cwd=root, check=True)
    subprocess.run(["git", "config", "user.email", "tk@x"], cwd=root, check=True)
    c = client(root, commit=True)
    fields = form_fields(c.get(task_url(AN_2026, "02")).text)
    assert c.post("/task?year=2026", data={**fields, "date": "2026-10-14", "value": "99.9"}).status_code == 303
    log = subprocess.run(["git", "log", "--format=%an|%s", "--name-only", "-1"], cwd=root, capture_output=True, text=True).stdout
    assert "Thư ký|Báo cáo tiến độ: 02 — Nguyễn Văn An" in log and AN_2026 in log
    assert subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout == ""


def test_the_calendar_has_stable_events_with_a_reminder(root):
    from icalendar import Calendar

    c = client(root)
    first = c.get("/cadre/nguyen-van-an.ics?year=2026").content
    assert first == c.get("/cadre/nguyen-van-an.ics?year=2026").content
    cal = Calendar.from_ical(first)
    events = list(cal.walk("VEVENT"))
    assert events
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    for e in events:
        assert e.walk("VALARM") and "Rõ việc" in str(e["description"])


def test_export_ics_is_the_served_calendar(root, cli):
    got = cli("-C", str(root), "export", "--format", "ics", "--year", "2026", "--cadre", "nguyen-van-an")
    assert got.code == 0 and got.out.startswith("BEGIN:VCALENDAR")
    served = client(root).get("/cadre/nguyen-van-an.ics?year=2026").text
    assert {line for line in got.out.splitlines() if line.startswith("UID:")} == \
        {line for line in served.replace("\r\n", "\n").splitlines() if line.startswith("UID:")}


def test_another_host_serves_read_only_unless_writes_are_allowed(root, cli, monkeypatch):
    import uvicorn

    started: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append({"app": app, **kw}))
    run = cli("-C", str(root), "serve", "--host", "0.0.0.0", "--port", "8123")
    assert run.code == 0 and "reverse proxy" in run.err and "http://0.0.0.0:8123/" in run.err
    guard = started[-1]["app"]
    assert "0.0.0.0:8123" not in guard.hosts and "localhost:8123" in guard.hosts and started[-1]["host"] == "0.0.0.0"
    c = TestClient(guard, base_url="http://localhost:8123")
    assert c.post("/task", data={"file": AN_2026, "id": "02"}).status_code == 403
    assert "<form method=\"post\"" not in c.get(task_url(AN_2026, "02")).text
    cli("-C", str(root), "serve", "--host", "0.0.0.0", "--port", "8123", "--allow-writes")
    c = TestClient(started[-1]["app"], base_url="http://localhost:8123")
    assert "<form method=\"post\"" in c.get(task_url(AN_2026, "02")).text


def test_the_cadre_page_explains_the_score_as_score_explain(root, cli):
    got = cli("-C", str(root), "score", "2025", "--explain")
    block = got.out.split("Nguyễn Văn An — ", 1)[1].split("\n\n", 1)[0]
    html = unescape(client(root).get("/cadre/nguyen-van-an?year=2025").text)
    lines = [line.strip() for line in block.splitlines()[1:] if line.strip()]
    assert lines and all(line in html for line in lines), [line for line in lines if line not in html]


def _same_as_a_fresh_run(site: Site, served: TestClient, root) -> None:
    """Every figure served equals what the commands compute now, from nothing kept (the "computed once" promise)."""
    from giaoviec.app.report import results_with_models
    from giaoviec.app.score import status
    from giaoviec.app.validate import validate

    served.get("/")  # the files looked at again
    for year in (2025, 2026):
        kept = site.year(year).result
        fresh = results_with_models(root, year, None, today=TODAY, closed_year=True, summary=True, explain=True).result
        for name in ("year", "as_of", "profile", "assignments", "findings", "diagnostics", "left_out"):
            assert getattr(kept, name) == getattr(fresh, name), (year, name)
        assert kept.repo.assignments == fresh.repo.assignments and kept.repo.unreadable == fresh.repo.unreadable
    follow, _checked = status(root, TODAY)
    assert site.followup().items == follow.items and site.followup().left_out == follow.left_out
    assert site.problems(2026) == validate(root, today=TODAY).diagnostics
    commands = Site(Options(root, today=TODAY))
    commands.engine = None  # the pages from the commands' own functions, as --public computes them
    again = TestClient(create_app(commands, {"testserver"}), follow_redirects=False)
    for url in ("/?year=2026", "/?year=2025", "/cadre/nguyen-van-an?year=2026", "/cadre/nguyen-van-an?year=2025",
                "/unit/phu-tho?year=2026", "/unit/nguyet-duc-phu-tho?year=2026", "/due", "/problems?year=2026",
                "/lich.ics", task_url(AN_2026, "02")):
        strip = lambda text: re.sub(r'name="csrf" value="[^"]*"', "", text)  # noqa: E731 (each server its own token)
        assert strip(served.get(url).text) == strip(again.get(url).text), url


def test_after_edits_and_check_ins_the_pages_show_what_a_fresh_run_computes(root):
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "start"]):
        subprocess.run(["git", *args], cwd=root, check=True, env={**__import__("os").environ, **env})
    site = Site(Options(root, today=TODAY, commit=True))
    c = TestClient(create_app(site, {"testserver"}), follow_redirects=False)
    _same_as_a_fresh_run(site, c, root)
    an = root / AN_2026
    original = an.read_text(encoding="utf-8")
    an.write_text(original.replace("- {date: 2026-09-30, value: 2}", "- {date: 2026-09-30, value: 3}"), encoding="utf-8")
    _same_as_a_fresh_run(site, c, root)
    fields = form_fields(c.get(task_url(AN_2026, "02")).text)
    assert c.post("/task?year=2026", data={**fields, "date": "2026-10-14", "value": "99,9"}).status_code == 303
    _same_as_a_fresh_run(site, c, root)
    fields = form_fields(c.get(task_url(AN_2026, "01")).text, "outcome")
    assert c.post("/task?year=2026", data={**fields, "done_on": "2026-10-10", "value": "3"}).status_code == 303
    _same_as_a_fresh_run(site, c, root)
    an.write_text(an.read_text(encoding="utf-8").replace("cadre: nguyen-van-an", "cadre: no-such-cadre", 1), encoding="utf-8")
    _same_as_a_fresh_run(site, c, root)  # a file with an error: left out, and said so
    an.write_text(original, encoding="utf-8")
    _same_as_a_fresh_run(site, c, root)
    cadres = root / "org/cadres.yaml"  # a registry file: everything read again
    cadres.write_text(cadres.read_text(encoding="utf-8").replace("name: Nguyễn Văn An", "name: Nguyễn Văn Ân", 1), encoding="utf-8")
    _same_as_a_fresh_run(site, c, root)


def test_a_start_with_a_warm_cache_reads_no_assignment_file_and_shows_the_same(root, tmp_path):
    folder = tmp_path / "cache"
    first = Site(Options(root, today=TODAY, cache_folder=folder))
    TestClient(create_app(first, {"testserver"})).get("/?year=2026")
    site = Site(Options(root, today=TODAY, cache_folder=folder))
    c = TestClient(create_app(site, {"testserver"}), follow_redirects=False)
    assert c.get("/?year=2026").status_code == 200
    assert site.engine is not None and site.engine.state is not None
    read = [rel for rel, fs in site.engine.state.files.items() if fs.docs is not None]
    assert not read, read  # the overview from the cache's entries alone
    rows = site.engine.state.years[2026].rows
    assert rows and all(row[6] is not None for row in rows.values())  # every row taken as the cache kept it, none computed
    _same_as_a_fresh_run(site, c, root)
    an = root / AN_2026  # a change after a warm start: that file read, the others kept
    an.write_text(an.read_text(encoding="utf-8").replace("- {date: 2026-09-30, value: 2}", "- {date: 2026-09-30, value: 3}"), encoding="utf-8")
    _same_as_a_fresh_run(site, c, root)
    copy = root / LAN.replace("ngo-thi-lan", "ngo-thi-lan-ban-sao")  # a file added, then taken away: listed again
    copy.write_bytes((root / LAN).read_bytes())
    _same_as_a_fresh_run(site, c, root)
    copy.unlink()
    _same_as_a_fresh_run(site, c, root)


def test_a_tampered_or_missing_segment_or_row_is_dropped_and_the_pages_are_the_same(root, tmp_path):
    """The task results' segments are digest-checked and read when a page shows them; a row kept is
    taken again only when it reads back: a forged or missing one is computed again, never shown."""
    import json

    folder = tmp_path / "cache"
    TestClient(create_app(Site(Options(root, today=TODAY, cache_folder=folder)), {"testserver"})).get("/?year=2026")
    (tasks,) = folder.glob("*-serve.tasks")
    (index,) = folder.glob("*-serve.json")
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["rows"] and all(isinstance(e.get("tasks"), list) for e in data["files"].values())
    for rows in data["rows"].values():
        for key, row in rows.items():
            if key:
                row["r"] = [None, "x", 1, 2, 3]  # a row that does not read back
    index.write_text(json.dumps(data), encoding="utf-8")
    tasks.write_bytes(b"\0" * tasks.stat().st_size)  # every segment's content forged
    site = Site(Options(root, today=TODAY, cache_folder=folder))
    c = TestClient(create_app(site, {"testserver"}), follow_redirects=False)
    assert c.get("/cadre/nguyen-van-an?year=2026").status_code == 200
    _same_as_a_fresh_run(site, c, root)
    tasks.unlink()  # and gone
    site = Site(Options(root, today=TODAY, cache_folder=folder))
    _same_as_a_fresh_run(site, TestClient(create_app(site, {"testserver"}), follow_redirects=False), root)
