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
    from giaoviec.compute.report import build
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
    html = report.html(build(got.result, got.models, "yen-lac", translator("vi"), "vi", False), translator("vi"))
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


def test_prints_on_a4_with_a_page_per_cadre_and_landscape_task_tables(browser, report_html, tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    page = browser.new_page()
    page.goto(report_html.as_uri())
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    doc = pdfium.PdfDocument(str(pdf))
    sizes = [tuple(round(x) for x in doc[i].get_size()) for i in range(len(doc))]
    cadres = page.locator("section.cadre").count()
    assert cadres == 7 and len(sizes) >= cadres + 1  # the summary, then each cadre from a new page
    assert (595, 842) in sizes and (842, 595) in sizes  # portrait text, landscape task tables
    assert len(sizes) <= 3 * cadres + 2  # was 12 pages for 20 tasks before the tables went landscape
    page.close()


@pytest.mark.parametrize(("width", "name"), [(1032, "landscape A4"), (1200, "screen")])
def test_no_task_table_is_cut(browser, report_html, width, name):
    """Laid out at the width of the printed page (or a screen), every task table fits its box: no
    column, no right border is cut off."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.emulate_media(media="print" if "A4" in name else "screen")
    page.goto(report_html.as_uri())
    over = page.evaluate("""() => [...document.querySelectorAll('table.tasks')].filter(t => {
        const box = t.getBoundingClientRect(), parent = t.parentElement.getBoundingClientRect();
        return box.right > parent.right + 0.5 || t.scrollWidth > t.clientWidth + 1;
    }).length""")
    assert over == 0
    page.close()


def test_phone_cards_have_no_overlapping_labels(browser, report_html):
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page.goto(report_html.as_uri())
    problems = page.evaluate("""() => {
        const out = [];
        const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        for (const tr of document.querySelectorAll('table.tasks tbody tr')) {
            const row = tr.getBoundingClientRect();
            const cells = [...tr.children].filter(td => getComputedStyle(td).display !== 'none');
            const boxes = [];
            for (const td of cells) {
                const lbl = td.querySelector(':scope > .lbl'), val = td.querySelector(':scope > .val');
                const a = lbl.getBoundingClientRect(), b = val.getBoundingClientRect();
                if (hit(a, b)) out.push('label over value: ' + lbl.textContent);
                if (!val.textContent.trim()) out.push('empty card line: ' + lbl.textContent);
                const box = td.getBoundingClientRect();
                if (box.right > row.right + 0.5 || box.left < row.left - 0.5) out.push('outside its card: ' + lbl.textContent);
                for (const other of boxes) if (hit(box, other)) out.push('cells overlap: ' + lbl.textContent);
                boxes.push(box);
            }
        }
        return out;
    }""")
    assert problems == []
    page.close()


def test_each_row_names_the_lead_once(report_html):
    """The cadre is named in the section's heading; a row names a lead only when it is someone else."""
    html = report_html.read_text(encoding="utf-8")
    section = html[html.index('id="nguyen-van-an-focus"'):html.index("</section>", html.index('id="nguyen-van-an-focus"'))]
    rows = section.split("<tr>")[2:]
    assert rows and all(row.count("Nguyễn Văn An") == 0 for row in rows)


def test_council_scores_notes_and_amendments_are_shown(report_html):
    html = report_html.read_text(encoding="utf-8")
    assert "biên bản số 15-BB/HĐĐG" in html and "Đạt 94,4% kế hoạch thu" in html
    assert "210-QĐ/HU (01/07/2022)" in html and "Lùi thời hạn nhiệm vụ 05" in html
    assert "Báo cáo số 45-BC/ĐU ngày 25/9/2022" in html  # evidence
