"""`giaoviec serve`: the repository in a browser (spec/serve.md).

A window onto the same computed model as the other commands (`site.py` holds it; `engine.py`
brings it up to date file by file when files change), pages that only lay it out (`pages.py`,
templates in templates/report/serve), forms that write through the byte-preserving editor
(`writing.py`), the calendar (`calendar.py`),
and the safety rules every request passes (`guard.py`). The web stack (Starlette, uvicorn,
python-multipart, icalendar) is imported only here, never at the command line's start-up."""
