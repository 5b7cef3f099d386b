"""The HTML report in a real browser (Debian's Chromium, driven by Playwright): it loads with no
console error and no network request, injected markup stays text and runs nothing, it fits a
phone's width, and it prints on A4 with a page per cadre."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import EXAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:  # CI installs it (.ci/run); a developer without it skips, CI never does
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        raise RuntimeError("Chromium is required for the browser tests in CI")
    pytest.skip("Chromium is not installed", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
INJECTED = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned2 = 1">'


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report_html(tmp_path_factory):
    from giaoviec.app.report import results_with_models
    from giaoviec.i18n import translator
    from giaoviec.render import report

    root = tmp_path_factory.mktemp("vp") / "vp"
    shutil.copytree(EXAMPLES / "vinh-phuc", root)
    path = root / "assignments/2022/tam-hong/le-van-cuong.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "what: Kết nạp 12 đảng viên mới", f"what: 'Kết nạp 12 đảng viên mới {INJECTED}'")
    path.write_text(text, encoding="utf-8")
    got = results_with_models(root, 2022, "yen-lac", closed_year=True)
    assert not got.result.errors
    html = report.html(report.build(got.result, got.models, "yen-lac", translator("vi"), "vi", False), translator("vi"), got.result.as_of)
    out = root.parent / "report.html"
    out.write_text(html, encoding="utf-8")
    return out


def test_loads_cleanly_and_injected_markup_is_inert(browser, report_html, tmp_path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    problems, requests = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report_html.as_uri())
    page.wait_for_load_state("load")
    assert problems == []
    assert requests == [report_html.as_uri()]  # the document itself, nothing else
    assert page.evaluate("window.__pwned === undefined && window.__pwned2 === undefined")
    assert INJECTED in page.inner_text("body")  # shown as text
    assert page.locator("svg").count() == 3
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    page.close()


def test_fits_a_phone(browser, report_html, tmp_path):
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page.goto(report_html.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # wide tables scroll inside their box
    page.screenshot(path=str(tmp_path / "phone.png"))
    page.close()


def test_prints_on_a4_with_a_page_per_cadre(browser, report_html, tmp_path):
    page = browser.new_page()
    page.goto(report_html.as_uri())
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    pages = pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")
    cadres = page.locator("section.cadre").count()
    assert cadres == 7 and pages >= cadres + 1  # the summary, then each cadre from a new page
    page.close()
