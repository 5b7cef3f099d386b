"""Regenerates the corpus of test cases (files only; expect.txt files are reviewed by hand)."""
import pathlib

ROOT = pathlib.Path(__file__).parent / "valid"
A = "assignments/2022/xa-a/can-bo-a.yaml"
base = pathlib.Path(__file__).parent / "base"
orig = (base / A).read_text()
cases = {
  "bom-crlf": {A: b"\xef\xbb\xbf" + orig.replace("\n", "\r\n").encode()},
  "multi-document": {"org/units.yaml": "", "org/cadres.yaml": "", "org/all.yaml":
      "# org in one file\n---\n" + (base/"org/units.yaml").read_text() + "---\n" + (base/"org/cadres.yaml").read_text() + "---\n"},
  "anchors-merge": {A: orig.replace("    responsibility: {accountable: can-bo-a}\n    weight: 2\n", "    responsibility: &resp {accountable: can-bo-a}\n    weight: 2\n", 1)
      .replace("    result: {product: Nhà văn hóa được nghiệm thu}\n    responsibility: {accountable: can-bo-a}\n",
               "    result: {product: Nhà văn hóa được nghiệm thu}\n    responsibility:\n      <<: *resp\n      support_from_above: Phòng Văn hóa huyện\n")},
  "unquoted-ids": {A: orig.replace('id: "01"', "id: 01").replace('id: "02"', "id: 010").replace("number: 1-QĐ/HU", "number: 125"),
                   "evaluations/2022/hd.yaml": (base/"evaluations/2022/hd.yaml").read_text().replace('"01": {score: 2}', '01: {score: 2}')},
  "six-ro": {"giaoviec.yaml": (base/"giaoviec.yaml").read_text().replace("clarity: 5ro", "clarity: 6ro"),
             A: orig.replace("responsibility: {accountable: can-bo-a}", "responsibility: {accountable: can-bo-a, authority: btv-huyen-t}")},
  "other-yaml-ignored": {".github/workflows/ci.yml": "on: [push]\njobs:\n  a: {runs-on: ubuntu-latest\n", "docker-compose.yaml": "version: '3'\n\tbroken: [\n"},
  "yes-no-as-text": {A: orig.replace("what: Xây dựng nhà văn hóa thôn Đông", "what: yes").replace("result: {product: Nhà văn hóa được nghiệm thu}", "result: {product: Nhà văn hóa thôn Đông được nghiệm thu, measure: {indicator: no, unit: on, target: 1}}")},
}
for name, files in cases.items():
    for rel, content in files.items():
        p = ROOT / name / "files" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        (p.write_bytes if isinstance(content, bytes) else lambda c: p.write_text(c, encoding="utf-8"))(content)
