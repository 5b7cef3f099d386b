"""Field types and the base model shared by every kind: frozen, unknown fields refused."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AllowInfNan, BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints
from pydantic_core import PydanticCustomError

from giaoviec.characters import REFUSED
from giaoviec.literal import as_text

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FORBIDDEN = REFUSED  # what no text of a data file may hold: giaoviec.characters, the one definition the outputs show as codes
LIMIT = 1e15  # no count, area or sum of money in a task comes near: a larger number is a typing mistake


def _text(value: Any) -> Any:
    """A number written where text is expected, as written; text holding a forbidden character refused."""
    if type(value) is str and value.isprintable():  # the common case, in C: no forbidden character is printable
        return value
    value = as_text(value)
    if isinstance(value, str) and (bad := _FORBIDDEN.search(value)):
        raise PydanticCustomError("text_characters", "Text holds the character U+{code} at position {position}, which cannot be shown or stored",
                                  {"code": f"{ord(bad.group()):04X}", "position": bad.start() + 1})
    return value


def _date_text(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        return value.strip()
    raise PydanticCustomError("date_format", "Dates are written YYYY-MM-DD, e.g. 2022-09-30")


Text = Annotated[str, BeforeValidator(_text)]
# the constraints before the validator: pydantic-core checks them itself (after it, each value
# would cost a second call into Python)
NonEmptyText = Annotated[str, StringConstraints(min_length=1), BeforeValidator(_text)]
Id = Annotated[str, StringConstraints(pattern=SLUG), BeforeValidator(as_text)]
Date = Annotated[dt.date, BeforeValidator(_date_text)]
Number = Annotated[float, Strict(), AllowInfNan(False)]  # fields give their own bounds
Figure = Annotated[float, Strict(), AllowInfNan(False), Field(ge=-LIMIT, le=LIMIT)]  # a measured value or target
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
