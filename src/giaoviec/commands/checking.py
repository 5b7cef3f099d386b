"""Commands that check the data: validate, rules, schema."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from giaoviec.cli import (
    Format, LangOption, _err_console, _lang, _progress, _resolve_root, app,
)
from giaoviec.diagnostics import exit_code
from giaoviec.i18n import translator
from giaoviec import schemas
from giaoviec.reporters import REPORTERS, ReportContext
from giaoviec.rules import RULES, rule_for
from giaoviec.validation import validate as run_validate


@app.command()
def validate(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Chỉ báo lỗi của các tệp/thư mục này (tham chiếu vẫn kiểm tra trên toàn kho).")] = None,
    format: Annotated[Optional[Format], typer.Option("--format", "-f", help="text | json | github | sarif (github tự chọn khi GITHUB_ACTIONS=true).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Cảnh báo cũng làm lệnh thất bại (mã thoát 1).")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm kết quả (luôn đọc lại mọi tệp).")] = False,
    base: Annotated[Optional[str], typer.Option("--base", help="Phiên bản git để so sánh: thay đổi chỉ tiêu, thời hạn, trọng số phải có quyết định điều chỉnh.")] = None,
    lang: LangOption = None,
) -> None:
    """Kiểm tra mọi tệp: cú pháp YAML, lược đồ, quy tắc 5 rõ/6 rõ, tham chiếu, ngày tháng.

    Ví dụ: giaoviec -C examples/vinh-phuc validate --format json
    """
    root = _resolve_root()
    with _progress() as progress:
        result = run_validate(root, paths, progress=progress, use_cache=not no_cache, base=base)
    language = _lang(lang, result.language)
    _ = translator(language)
    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    diagnostics = [d.localize(_) for d in result.diagnostics]
    ctx = ReportContext(
        root=root, files=result.files, gettext=_,
        console=Console(highlight=False, soft_wrap=True),
        rule_help=lambda code: _(r.explanation) if (r := rule_for(code)) else code,
    )
    REPORTERS[chosen](diagnostics, ctx)
    errors = sum(1 for d in diagnostics if d.is_error)
    _err_console().print(Text(
        _("Checked {files} files: {errors} errors, {warnings} warnings.").format(
            files=result.files, errors=errors, warnings=len(diagnostics) - errors)
    ))
    raise typer.Exit(int(exit_code(diagnostics, strict)))




@app.command()
def rules(lang: LangOption = None) -> None:
    """Liệt kê mọi mã lỗi và quy tắc rõ, kèm ví dụ đạt và không đạt.

    Ví dụ: giaoviec rules --lang en
    """
    _ = translator(_lang(lang))
    console = Console(highlight=False, soft_wrap=True)
    for rule in RULES:
        console.print(Text(f"{rule.code}  ({_(rule.severity.value)})", style="bold cyan"))
        console.print(Text("  " + _(rule.explanation)))
        console.print(Text("  " + _("passes:"), style="green"))
        for line in rule.good.splitlines():
            console.print(Text("      " + line))
        console.print(Text("  " + _("fails:"), style="red"))
        for line in rule.bad.splitlines():
            console.print(Text("      " + line))
        console.print()


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", help="Thư mục ghi các JSON Schema.")] = Path("schemas"),
    lang: LangOption = None,
) -> None:
    """Ghi JSON Schema (draft-07, mô tả tiếng Việt) của mọi loại tài liệu, cho trình soạn thảo.

    Ví dụ: giaoviec schema --out schemas
    """
    _ = translator(_lang(lang))
    for path in schemas.write_all(out):
        _err_console().print(Text(_("wrote {path}").format(path=path)))
