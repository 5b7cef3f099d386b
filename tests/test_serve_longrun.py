"""A server that runs for days: what it freezes out of the cyclic collector's sight (`gc.freeze`, after
each reading) must not grow with each change it reads, or memory would creep up edit after edit."""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil

import pytest

from conftest import EXAMPLES

pytest.importorskip("starlette")

from giaoviec.serve.engine import Engine

TODAY = dt.date(2026, 10, 15)
LAN = "assignments/2022/so-noi-vu-vinh-phuc/ngo-thi-lan.yaml"


@pytest.mark.parametrize("edited", [LAN, "org/cadres.yaml"], ids=["an assignment", "the registry (a whole reading)"])
def test_what_is_frozen_does_not_grow_with_each_change_read(tmp_path, edited):
    root = tmp_path / "vp"
    shutil.copytree(EXAMPLES / "vinh-phuc", root)
    path = root / edited
    text = path.read_text(encoding="utf-8")
    engine = Engine(root)

    def change(i: int) -> None:
        path.write_text(f"{text}\n# {i}\n", encoding="utf-8")
        os.utime(path, ns=(10**18 + i * 10**9,) * 2)  # a new modification time, whatever the clock's grain
        assert engine.refresh(TODAY)
        engine.year(2022)

    for i in range(5):  # every kind of object made once
        change(i)
    before = gc.get_freeze_count()
    for i in range(5, 35):
        change(i)
    assert gc.get_freeze_count() - before < 100, "each change read leaves objects frozen that are never freed"


def test_pages_served_between_changes_leave_little_frozen(tmp_path):
    """Through the web app: each change read while pages are served. The garbage of the requests
    served in between is collected before anything is frozen; what stays frozen is what a request in
    flight holds at that moment (its request and response, tens of objects), not hundreds a change."""
    from starlette.testclient import TestClient

    from giaoviec.serve.site import Options, Site
    from giaoviec.serve.web import create_app

    root = tmp_path / "vp"
    shutil.copytree(EXAMPLES / "vinh-phuc", root)
    client = TestClient(create_app(Site(Options(root, today=TODAY)), {"testserver"}), follow_redirects=False)
    path = root / LAN
    text = path.read_text(encoding="utf-8")
    pages = ["/", "/due", "/lich.ics", "/unit/yen-lac?year=2022", "/cadre/ngo-thi-lan?year=2022"]

    def change(i: int) -> None:
        path.write_text(f"{text}\n# {i}\n", encoding="utf-8")
        os.utime(path, ns=(10**18 + i * 10**9,) * 2)
        for page in pages:
            assert client.get(page).status_code == 200

    for i in range(5):
        change(i)
    before = gc.get_freeze_count()
    for i in range(5, 25):
        change(i)
    assert (gc.get_freeze_count() - before) / 20 < 100  # before the fix: about 530 a change
