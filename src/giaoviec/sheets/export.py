"""`giaoviec export`'s formats, one name → renderer table (render/output.py): the text formats of
render/export.py and the workbook (xlsx.py: the export, or with `scoring_sheet` the council's sheet).
The calendar (`--format ics`) is not a view of these results: it is serve's /lich.ics, made by
serve/calendar.py from the site's own results, and the command asks it for its bytes."""

from __future__ import annotations

from collections.abc import Mapping

from giaoviec.compute.year import YearResult
from giaoviec.render import export
from giaoviec.render.export import ExportOutput
from giaoviec.render.output import Renderer, table


def render_xlsx(result: YearResult, o: ExportOutput) -> None:
    from giaoviec.sheets import xlsx  # openpyxl: loaded only for a workbook

    (xlsx.scoring_sheet if o.scoring_sheet else xlsx.as_xlsx)(result, o.models, o.gettext, o.out)


RENDERERS: Mapping[str, Renderer[YearResult, ExportOutput]] = table({**export.RENDERERS, "xlsx": render_xlsx})
