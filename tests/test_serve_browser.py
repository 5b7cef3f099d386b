"""`giaoviec serve` as a real process, driven by the system Chromium (Playwright): follow the links
from the overview to a cadre and a task, submit a check-in (the file changes by the appended line
only), a stale form refused, nothing requested from elsewhere, markup in a task shown as text, the
public view without a confidential string. Takes the screenshots of docs/serve.md."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import EXAMPLES, PROJECT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        raise RuntimeError("Chromium is required for the browser tests in CI")
    pytest.skip("Chromium is not installed", allow_module_level=True)
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")
FLAGS = ["--lang=vi-VN",  # the date field as a Vietnamese reader sees it (dd/mm/yyyy)
         "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
AN_2026 = "assignments/2026/nguyet-duc-phu-tho/nguyen-van-an.yaml"
IMAGES = PROJECT / "docs/images"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, root: Path, *options: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(PROJECT / "src"), "GIAOVIEC_NO_CACHE": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "giaoviec", "-C", str(root), "serve", "--port", str(self.port), *options],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/site.css", timeout=2)
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.proc.stderr.read().decode()) from None  # type: ignore[union-attr]
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        # Vietnamese: --lang alone is not enough in headless mode, the process's LANGUAGE is (with chromium-l10n's vi.pak)
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True, env={**os.environ, "LANGUAGE": "vi", "LANG": "vi_VN.UTF-8"})
        yield b
        b.close()


@pytest.fixture
def root(tmp_path):
    r = tmp_path / "vp"
    shutil.copytree(EXAMPLES / "vinh-phuc", r)
    return r


def hostile(root: Path) -> None:
    """A task's text holding a script: after the screenshots of the docs were taken (not shown in them)."""
    path = root / AN_2026
    path.write_text(path.read_text().replace("Kiện toàn 12 chi bộ thôn", "<script>window.__pwned = 1</script>Kiện toàn 12 chi bộ thôn"))


def test_overview_to_a_check_in(browser, root):
    server = Server(root)
    try:
        page = browser.new_page(viewport={"width": 360, "height": 800}, locale="vi-VN")
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(server.url + "/?year=2026")
        page.screenshot(path=str(IMAGES / "serve-tong-quan.png"), full_page=True)
        page.click("text=Xã Nguyệt Đức (tỉnh Phú Thọ)")
        page.click("text=Nguyễn Văn An")
        assert "Nguyễn Văn An" in page.inner_text("h1")
        page.screenshot(path=str(IMAGES / "serve-can-bo.png"), full_page=True)
        hostile(root)
        page.reload()  # the changed file, on the next request
        assert "<script>window.__pwned = 1</script>" in page.inner_text("main")  # shown as text
        assert page.evaluate("typeof window.__pwned") == "undefined"
        page.click("a:text-is('02')")
        before = (root / AN_2026).read_text()
        page.fill("form.entry >> nth=0 >> input[name=value]", "99,9")
        page.fill("form.entry >> nth=0 >> textarea[name=note]", "Báo cáo từ trình duyệt")
        page.screenshot(path=str(IMAGES / "serve-bao-cao-tien-do.png"), full_page=True)
        page.click("form.entry >> nth=0 >> button")
        assert "Đã lưu" in page.content(), page.content()[:2000]
        after = (root / AN_2026).read_text()
        new, old = after.splitlines(), before.splitlines()
        extra = [line for line in new if line not in old]
        assert len(extra) == 1 and "Báo cáo từ trình duyệt" in extra[0] and "99.9" in extra[0]
        assert [line for line in new if line != extra[0]] == old
        # a stale form: the file changes on disk after the form was shown
        (root / AN_2026).write_text(after + "# sửa tay\n")
        changed = (root / AN_2026).read_bytes()
        page.fill("form.entry >> nth=0 >> input[name=value]", "100")
        page.click("form.entry >> nth=0 >> button")
        assert "đã thay đổi trên đĩa" in page.inner_text("main")
        assert (root / AN_2026).read_bytes() == changed
        assert requested and all(u.startswith(server.url) for u in requested), requested
    finally:
        server.stop()


def test_public_view_in_a_browser(browser, root):
    from test_report import confidential_strings

    hostile(root)
    secrets = confidential_strings(root)
    server = Server(root, "--public")
    try:
        page = browser.new_page()
        for url in ("/?year=2022", "/unit/so-noi-vu-vinh-phuc?year=2022", "/cadre/ngo-thi-lan?year=2022", "/due", "/problems?year=2022"):
            page.goto(server.url + url)
            text = page.content() + page.inner_text("body")
            assert not [s for s in secrets if s in text], url
            assert page.locator("form[method=post]").count() == 0
    finally:
        server.stop()


def test_the_unit_report_keeps_its_style_under_the_csp(browser, root):
    server = Server(root)
    try:
        page = browser.new_page()
        refused: list[str] = []
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(server.url + "/unit/vinh-phuc/report.html?year=2022")
        assert refused == []
        assert "Times New Roman" not in page.evaluate("getComputedStyle(document.body).fontFamily")  # its <style> applied
        widths = page.evaluate("[...document.querySelectorAll('[style*=max-width]')].map(e => getComputedStyle(e).maxWidth)")
        assert widths and "none" not in widths  # its style attributes applied
    finally:
        server.stop()
