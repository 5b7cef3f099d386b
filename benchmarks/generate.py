"""Generates a realistic province: N assignment files of ~21 tasks, with units, cadres, check-ins,
outcomes and council evaluations, that validates clean; `--mistakes K` sprinkles K known errors.

    python benchmarks/generate.py OUT_DIR --files 1000 [--mistakes 0] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

VERBS = ["Giải quyết dứt điểm", "Hoàn thành", "Xây dựng", "Cứng hóa", "Kết nạp", "Cấp giấy chứng nhận cho", "Thành lập", "Xử lý"]
OBJECTS = [
    ("vụ vi phạm đất đai tồn đọng", "vụ"), ("km đường giao thông nông thôn", "km"), ("đảng viên mới", "đảng viên"),
    ("thửa đất lần đầu", "thửa"), ("chi bộ trong doanh nghiệp tư nhân", "chi bộ"), ("hộ thoát nghèo", "hộ"),
    ("mô hình sản xuất nông nghiệp công nghệ cao", "mô hình"), ("hồ sơ thủ tục hành chính trực tuyến", "hồ sơ"),
]
PRODUCTS = ["Quyết định công nhận của UBND huyện", "Biên bản nghiệm thu công trình", "Báo cáo kết quả thực hiện của Đảng ủy xã",
            "Quyết định kết nạp đảng viên", "Giấy chứng nhận quyền sử dụng đất"]


def task(rng: random.Random, i: int, cadre: str, year: int, n: int) -> str:
    verb = rng.choice(VERBS)
    obj, unit = rng.choice(OBJECTS)
    target = rng.randint(2, 200)
    due_month = rng.randint(3, 12)
    due = f"{year}-{due_month:02d}-{28 if due_month == 2 else 30 if due_month != 12 else 31}"
    done_day = rng.randint(1, 28)
    done_month = min(12, due_month + rng.choice([-1, 0, 0, 0, 1]))
    done_month = max(done_month, 3)
    value = target + rng.choice([-3, 0, 0, 1, 5])
    progress = "".join(
        f"      - {{date: {year}-{m:02d}-{30 if m != 3 else 31}, value: {max(0, target * m // 12)}, note: Đã thực hiện theo kế hoạch quý}}\n"
        for m in (3, 6, 9) if m < due_month
    )
    return (
        f'  - id: "{i:02d}"\n'
        f"    what: {verb} {target} {obj}\n"
        f"    tags: [{rng.choice(['new', 'hard', 'backlog', 'breakthrough'])}]\n"
        f"    who: {{lead: {cadre}, support: [ubnd-{n}]}}\n"
        f"    when:\n      start: {year}-02-15\n      due: {due}\n"
        f"    result:\n      product: {rng.choice(PRODUCTS)}\n"
        f"      measure: {{indicator: Số {obj}, unit: {unit}, target: {target}, baseline: 0}}\n"
        f"    responsibility:\n      accountable: {cadre}\n      support_from_above: Các phòng chuyên môn của huyện hỗ trợ hồ sơ, thủ tục\n"
        f"    weight: {rng.randint(1, 5)}\n"
        + (f"    progress:\n{progress}" if progress else "")
        + f"    outcome:\n      done_on: {year}-{done_month:02d}-{done_day:02d}\n      value: {value}\n"
        f"      evidence: [Báo cáo số {rng.randint(1, 99)}-BC/ĐU]\n"
    )


def generate(out: Path, files: int, mistakes: int = 0, seed: int = 1, year: int = 2022) -> list[Path]:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "org").mkdir(parents=True)
    (out / "giaoviec.yaml").write_text(
        "apiVersion: giaoviec/v1\nkind: Config\norganization: Đảng bộ tỉnh Thử Nghiệm\nscoring:\n"
        "  - {profile: qd89-2017, from: 2017-01-01, to: 2023-10-03}\n  - {profile: tw124-2023, from: 2023-10-04}\n",
        encoding="utf-8",
    )
    districts = max(1, files // 100)
    units = ["apiVersion: giaoviec/v1", "kind: Units", "units:", "  - {id: tinh, name: Tỉnh Thử Nghiệm, level: province}"]
    cadres = ["apiVersion: giaoviec/v1", "kind: Cadres", "cadres:"]
    for d in range(districts):
        units.append(f"  - {{id: huyen-{d}, name: Huyện {d}, level: district, parent: tinh}}")
        units.append(f"  - {{id: btv-huyen-{d}, name: Ban Thường vụ Huyện ủy {d}, level: committee, parent: huyen-{d}}}")
        units.append(f"  - {{id: btc-huyen-{d}, name: Ban Tổ chức Huyện ủy {d}, level: committee, parent: huyen-{d}}}")
    written = []
    for n in range(files):
        d = n % districts
        cadre = f"can-bo-{n}"
        units.append(f"  - {{id: xa-{n}, name: Xã {n}, level: commune, parent: huyen-{d}}}")
        units.append(f"  - {{id: ubnd-{n}, name: UBND xã {n}, level: agency, parent: xa-{n}}}")
        cadres.append(f"  - id: {cadre}\n    name: Cán Bộ Số {n}\n    hometown: xa-{n}\n"
                      f"    positions: [{{title: Bí thư Đảng ủy xã, role: secretary, unit: xa-{n}, from: 2020-08-01}}]")
        body = (
            "# yaml-language-server: $schema=../../../schemas/assignment.schema.json\n"
            f"apiVersion: giaoviec/v1\nkind: Assignment\ncadre: {cadre}\nunit: xa-{n}\nposition: Bí thư Đảng ủy xã\n"
            f"program: focus\nperiod: {{from: {year}-01-01, to: {year}-12-31}}\nstatus: closed\n"
            f"basis: {{number: {n + 1}-QĐ/HU, date: {year}-02-15, issued_by: btv-huyen-{d}}}\nmonitor: btc-huyen-{d}\ntasks:\n"
            + "".join(task(rng, i, cadre, year, n) for i in range(1, 22))
        )
        path = out / "assignments" / str(year) / f"xa-{n}" / f"{cadre}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        written.append(path)
    (out / "org" / "units.yaml").write_text("\n".join(units) + "\n", encoding="utf-8")
    (out / "org" / "cadres.yaml").write_text("\n".join(cadres) + "\n", encoding="utf-8")
    for path in rng.sample(written, min(mistakes, len(written))):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("      due: ", "      due: 2022-02-30 #", 1), encoding="utf-8")  # schema.date-invalid
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--mistakes", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.files, args.mistakes, args.seed)
    print(f"wrote {args.files} assignment files to {args.out}")


if __name__ == "__main__":
    main()
