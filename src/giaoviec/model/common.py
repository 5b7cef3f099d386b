"""Field types and the base model shared by every kind: frozen, unknown fields refused."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict
from pydantic_core import PydanticCustomError

from giaoviec.model.literal import as_text

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date_text(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        return value.strip()
    raise PydanticCustomError("date_format", "Dates are written YYYY-MM-DD, e.g. 2022-09-30")


Text = Annotated[str, BeforeValidator(as_text)]
NonEmptyText = Annotated[str, BeforeValidator(as_text), Field(min_length=1)]
Id = Annotated[str, BeforeValidator(as_text), Field(pattern=SLUG)]
Date = Annotated[dt.date, BeforeValidator(_date_text)]
Number = Annotated[float, Strict()]
Bool = Annotated[bool, Strict()]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, str_strip_whitespace=False)


def f(title: str, description: str = "", **kw: Any) -> Any:
    """A field with its Vietnamese title and description (editor hover text)."""
    return Field(title=title, description=description or None, **kw)


class Period(Model):
    start: Date = f("Từ ngày", "Ngày bắt đầu kỳ (YYYY-MM-DD).", alias="from")
    end: Date = f("Đến ngày", "Ngày kết thúc kỳ (YYYY-MM-DD).", alias="to")

    def overlaps(self, start: dt.date, end: dt.date | None) -> bool:
        return self.start <= (end or dt.date.max) and start <= self.end

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class Header(Model):
    api_version: Literal["giaoviec/v1"] = f("Phiên bản định dạng", "Luôn là giaoviec/v1.", alias="apiVersion")
