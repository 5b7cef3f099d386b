"""`giaoviec stats` reproduces the figures quoted in spec/scoring.md, on data written to the spec."""

from __future__ import annotations

import json

import pytest

HEAD = "apiVersion: giaoviec/v1\nkind: Config\norganization: Thành phố Hà Nội\n"


def district(root, district_id: str, name: str, communes: int, secretaries_not_local: int, chairs_not_local: int, unknown: int = 0):
    units = [f"  - {{id: {district_id}, name: {name}, level: district}}"]
    cadres = []
    for i in range(communes):
        commune = f"{district_id}-xa-{i}"
        units.append(f"  - {{id: {commune}, name: Xã {i}, level: commune, parent: {district_id}}}")
        units.append(f"  - {{id: {commune}-thon, name: Thôn của xã {i}, level: agency, parent: {commune}}}")
        for role, not_local in (("secretary", secretaries_not_local), ("chair", chairs_not_local)):
            person = f"{commune}-{role}"
            # local people come from the commune itself or from a unit below it
            home = f"{district_id}-xa-{(i + 1) % communes}" if i < not_local else (commune if i % 2 else f"{commune}-thon")
            line = f"  - id: {person}\n    name: Người {i} {role}\n"
            if not (role == "chair" and i >= communes - unknown):
                line += f"    hometown: {home}\n"
            line += f"    positions: [{{title: x, role: {role}, unit: {commune}, from: 2020-01-01}}]"
            cadres.append(line)
    (root / "org").mkdir(exist_ok=True)
    (root / "org" / f"{district_id}-units.yaml").write_text("apiVersion: giaoviec/v1\nkind: Units\nunits:\n" + "\n".join(units) + "\n", encoding="utf-8")
    (root / "org" / f"{district_id}-cadres.yaml").write_text("apiVersion: giaoviec/v1\nkind: Cadres\ncadres:\n" + "\n".join(cadres) + "\n", encoding="utf-8")


@pytest.fixture
def hanoi(tmp_path):
    (tmp_path / "giaoviec.yaml").write_text(HEAD, encoding="utf-8")
    district(tmp_path, "thanh-tri", "Huyện Thanh Trì", 16, 12, 5)
    district(tmp_path, "phuc-tho", "Huyện Phúc Thọ", 21, 11, 10)
    district(tmp_path, "ba-vi", "Huyện Ba Vì", 4, 1, 1, unknown=2)
    return tmp_path


def not_local(cli, root, unit):
    run = cli("-C", str(root), "stats", "--year", "2025", "--unit", unit, "--as-of", "2025-06-30", "--format", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)["not_local"]


def test_thanh_tri(cli, hanoi):
    nl = not_local(cli, hanoi, "thanh-tri")
    assert (nl["numerator"], nl["denominator"], nl["percent"]) == (17, 32, 53.1)
    assert nl["by_role"] == {"secretary": {"not_local": 12, "known": 16}, "chair": {"not_local": 5, "known": 16}}


def test_phuc_tho(cli, hanoi):
    nl = not_local(cli, hanoi, "phuc-tho")
    assert (nl["numerator"], nl["denominator"], nl["percent"]) == (21, 42, 50.0)


def test_unknown_hometowns_are_left_out_and_reported(cli, hanoi):
    nl = not_local(cli, hanoi, "ba-vi")
    assert (nl["numerator"], nl["denominator"], nl["unknown"]) == (2, 6, 2)
    text = cli("-C", str(hanoi), "stats", "--year", "2025", "--unit", "ba-vi", "--as-of", "2025-06-30").out
    assert "2 người chưa ghi quê quán" in text and "2/6 = 33,3 %" in text


def test_examples_counts_and_buckets(cli):
    from conftest import EXAMPLES

    doc = json.loads(cli("-C", str(EXAMPLES / "vinh-phuc"), "stats", "--year", "2022", "--unit", "yen-lac", "--format", "json").out)
    assert doc["counts"] == {"cadres": 7, "ratings": 7, "cadres_with_several_ratings": 0, "assignments": 7, "tasks": 41, "tasks_per_cadre": 5.86}
    assert {b: v["count"] for b, v in doc["buckets"].items()} == {
        "completed-on-time": 31, "completed-late": 5, "unfinished-within-term": 0, "unfinished-overdue": 5}
    assert doc["not_local"]["numerator"] == 2 and doc["not_local"]["denominator"] == 6


def test_a_hometown_merged_into_the_commune_is_local(cli, tmp_path):
    """After the 2025 merger: a hometown that is one of the old communes merged into the new one (or a
    unit below it, or the old district split into it) is the same place (spec/scoring.md, "not local")."""
    (tmp_path / "giaoviec.yaml").write_text(HEAD, encoding="utf-8")
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "units.yaml").write_text("""apiVersion: giaoviec/v1
kind: Units
units:
  - {id: tp, name: Thành phố, level: province}
  - {id: huyen, name: Huyện cũ, level: district, parent: tp, valid_to: 2025-06-30, succeeded_by: [moi, moi-2]}
  - {id: xa-a, name: Xã A, level: commune, parent: huyen, valid_to: 2025-06-30, succeeded_by: [xa-ab]}
  - {id: xa-a-thon, name: Thôn của xã A, level: agency, parent: xa-a, valid_to: 2025-06-30}
  - {id: xa-b, name: Xã B, level: commune, parent: huyen, valid_to: 2025-06-30, succeeded_by: [xa-ab]}
  - {id: xa-ab, name: Xã AB, level: commune, parent: huyen, valid_from: 2025-03-01, valid_to: 2025-06-30, succeeded_by: [moi]}
  - {id: xa-c, name: Xã C, level: commune, parent: huyen, valid_to: 2025-06-30, succeeded_by: [moi-2]}
  - {id: moi, name: Xã Mới, level: commune, parent: tp, valid_from: 2025-07-01}
  - {id: moi-2, name: Xã Mới Hai, level: commune, parent: tp, valid_from: 2025-07-01}
""", encoding="utf-8")
    people = [("moi", "secretary", "xa-a"), ("moi", "chair", "xa-a-thon"), ("moi", "secretary", "xa-b"),  # merged (transitively)
              ("moi", "chair", "huyen"),  # a split: the old district is local to each successor
              ("moi", "secretary", "xa-c"),  # merged into the other new commune: not local
              ("moi-2", "secretary", "xa-c"), ("moi-2", "chair", "xa-a")]  # local; not local
    lines = [f"  - id: p{i}\n    name: Người {i}\n    hometown: {home}\n"
             f"    positions: [{{title: x, role: {role}, unit: {unit}, from: 2025-07-01}}]" for i, (unit, role, home) in enumerate(people)]
    (tmp_path / "org" / "cadres.yaml").write_text("apiVersion: giaoviec/v1\nkind: Cadres\ncadres:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    run = cli("-C", str(tmp_path), "stats", "--year", "2025", "--as-of", "2025-12-31", "--format", "json")
    assert run.code == 0, run.err + run.out
    nl = json.loads(run.out)["not_local"]
    assert nl["by_role"] == {"secretary": {"not_local": 1, "known": 4}, "chair": {"not_local": 1, "known": 3}}
    assert (nl["numerator"], nl["denominator"]) == (2, 7)
