"""Regenerates the corpus of test cases (files only; expect.txt files are reviewed by hand)."""
import pathlib

ROOT = pathlib.Path(__file__).parent / "invalid"
A = "assignments/2022/xa-a/can-bo-a.yaml"
HEAD = """apiVersion: giaoviec/v1
kind: Assignment
cadre: can-bo-a
unit: xa-a
program: focus
period: {from: 2022-01-01, to: 2022-12-31}
basis: {number: 1-QĐ/HU, date: 2022-02-01, issued_by: btv-huyen-t}
monitor: btc-huyen-t
tasks:
"""
def task(body):
    return HEAD + body
GOOD = """  - id: "01"
    what: Giải quyết dứt điểm 12 vụ vi phạm đất đai
    when: {due: 2022-09-30}
    result: {product: Quyết định xử lý 12 vụ}
    responsibility: {accountable: can-bo-a}
    weight: 2
"""
cases = {}
def case(name, files, remove=()):
    cases[name] = (files, remove)

case("yaml-syntax-tab", {A: task(GOOD + "  - id: \"02\"\n\twhat: Làm đường\n")})
case("yaml-syntax-unclosed", {A: task(GOOD.replace("Quyết định xử lý 12 vụ}", "\"Quyết định xử lý 12 vụ}"))})
case("yaml-duplicate-key", {A: task(GOOD + "    when: {due: 2022-10-30}\n")})
case("yaml-encoding", {A: task(GOOD).encode("utf-8").replace("Giải".encode(), b"Gi\xe1i")})
case("yaml-too-large", {A: task(GOOD) + "# bomb\nx: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"x{i}: &{chr(98+i)} [*{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}]\n" for i in range(8))})
case("yaml-too-deep", {A: task(GOOD) + "deep: " + "[" * 200 + "]" * 200 + "\n"})
case("schema-missing-task-id", {A: task(GOOD + "  - what: Làm 2 km đường\n    when: {due: 2022-09-30}\n    result: {product: 2 km đường}\n    responsibility: {accountable: can-bo-a}\n")})
case("schema-missing-cadre", {A: task(GOOD).replace("cadre: can-bo-a\n", "")})
case("schema-extra-forbidden", {A: task(GOOD.replace("when: {due: 2022-09-30}", "when: {deadline: 2022-09-30}"))})
case("schema-bool-no", {A: task(GOOD + "    confidential: no\n")})
case("schema-date-impossible", {A: task(GOOD.replace("2022-09-30", "2022-02-30"))})
case("schema-date-format", {A: task(GOOD.replace("2022-09-30", "30/09/2022"))})
case("schema-id-pattern", {A: task(GOOD).replace("cadre: can-bo-a", "cadre: Nguyen Van A")})
case("schema-kind", {A: task(GOOD).replace("kind: Assignment", "kind: Assignement")})
case("schema-document", {"extra.yaml": "apiVersion: giaoviec/v1\nkind: Units\nunits: []\n---\n- apiVersion: giaoviec/v1\n- kind: Units\n"})
case("schema-literal", {A: task(GOOD).replace("program: focus", "program: focuss")})
case("schema-weight", {A: task(GOOD.replace("weight: 2", "weight: 0") + GOOD.replace('"01"', '"02"').replace("weight: 2", "weight: hai"))})
case("schema-api-version", {A: task(GOOD).replace("apiVersion: giaoviec/v1", "apiVersion: giaoviec/v2")})
case("ref-unknown", {A: task(GOOD).replace("cadre: can-bo-a", "cadre: can-bo-aa")})
case("ref-kind", {A: task(GOOD.replace("accountable: can-bo-a", "accountable: xa-a"))})
case("ref-cycle", {"org/more-units.yaml": "apiVersion: giaoviec/v1\nkind: Units\nunits:\n  - {id: xa-x, name: Xã X, level: commune, parent: xa-y}\n  - {id: xa-y, name: Xã Y, level: commune, parent: xa-x}\n"})
case("ref-duplicate-id", {"org/more-cadres.yaml": "apiVersion: giaoviec/v1\nkind: Cadres\ncadres:\n  - id: xa-a\n    name: Trùng mã\n", A: task(GOOD + GOOD)})
case("ref-duplicate-assignment", {"assignments/2022/xa-a/can-bo-a-copy.yaml": task(GOOD)})
case("ref-ambiguous", {"assignments/2022/xa-a/can-bo-a-product-contract.yaml": task(GOOD).replace("program: focus", "program: product-contract")})
case("date-order", {A: task(GOOD.replace("when: {due: 2022-09-30}", "when: {start: 2022-10-15, due: 2022-09-30}"))})
case("date-future", {A: task(GOOD + "    progress:\n      - {date: 2099-03-31, value: 1}\n")})
case("date-outside-period", {A: task(GOOD.replace("2022-09-30", "2023-03-31"))})
case("date-position-not-held", {A: task(GOOD).replace("cadre: can-bo-a", "cadre: can-bo-b").replace("accountable: can-bo-a", "accountable: can-bo-b").replace("unit: xa-a", "unit: huyen-t")})
case("date-unit-not-valid", {"org/units.yaml": open(str(pathlib.Path(__file__).parent) + "/base/org/units.yaml").read().replace("{id: xa-a, name: Xã A, level: commune, parent: huyen-t}", "{id: xa-a, name: Xã A, level: commune, parent: huyen-t, valid_to: 2021-06-30}")})
case("clarity-who", {A: task(GOOD + "    who: {lead: [can-bo-a, can-bo-b]}\n" + GOOD.replace('"01"', '"02"') + "    who: {lead: xa-a}\n")})
case("clarity-what", {A: task(GOOD.replace("Giải quyết dứt điểm 12 vụ vi phạm đất đai", "Tăng cường công tác quản lý đất đai").replace("Quyết định xử lý 12 vụ", "Chuyển biến rõ nét"))})
case("clarity-when", {A: task(GOOD.replace("when: {due: 2022-09-30}", "when: {start: 2022-02-01}")).replace("period: {from: 2022-01-01, to: 2022-12-31}", "period: {from: 2022-01-01, to: 2023-12-31}") + GOOD.replace('"01"', '"02"').replace("2022-09-30", "2023-09-30")})
case("clarity-checkpoint", {A: task(GOOD.replace("when: {due: 2022-09-30}", "when: {due: 2023-09-30, checkpoints: [{by: 2022-12-31, expect: Xử lý 6 vụ}]}")).replace("period: {from: 2022-01-01, to: 2022-12-31}", "period: {from: 2022-01-01, to: 2023-12-31}")})
case("clarity-result", {A: task(GOOD.replace("result: {product: Quyết định xử lý 12 vụ}", "result: {measure: {indicator: Số vụ, unit: vụ}}"))})
case("clarity-responsibility", {A: task(GOOD.replace("responsibility: {accountable: can-bo-a}", "responsibility: {support_from_above: Phòng TN&MT}")).replace("monitor: btc-huyen-t\n", "").replace("basis: {number: 1-QĐ/HU, date: 2022-02-01, issued_by: btv-huyen-t}\n", "")})
case("clarity-authority", {"giaoviec.yaml": open(str(pathlib.Path(__file__).parent) + "/base/giaoviec.yaml").read().replace("clarity: 5ro", "clarity: 6ro")})
case("eval-score-range", {"evaluations/2022/hd.yaml": open(str(pathlib.Path(__file__).parent) + "/base/evaluations/2022/hd.yaml").read().replace("{score: 2}", "{score: 3}")})
case("eval-reason", {"evaluations/2022/hd.yaml": open(str(pathlib.Path(__file__).parent) + "/base/evaluations/2022/hd.yaml").read() + "    decided_tier: good\n"})
case("eval-superseded", {"evaluations/2022/hd-2.yaml": open(str(pathlib.Path(__file__).parent) + "/base/evaluations/2022/hd.yaml").read().replace("2022-12-20", "2022-12-27")})
case("eval-component-unused", {"evaluations/2022/hd.yaml": open(str(pathlib.Path(__file__).parent) + "/base/evaluations/2022/hd.yaml").read().replace("  - cadre: can-bo-a\n", "  - cadre: can-bo-a\n    general: 25\n")})
case("eval-unknown-task", {"evaluations/2022/hd.yaml": open(str(pathlib.Path(__file__).parent) + "/base/evaluations/2022/hd.yaml").read().replace('"01": {score: 2}', '"09": {score: 1}')})
case("profile-tiers", {"profiles/custom.yaml": "apiVersion: giaoviec/v1\nkind: ScoringProfile\nid: custom\ntitle: Thử\nsource: Thử\ncomponents: {tasks: 100}\ntiers:\n  - {tier: good, min_points: 70}\n  - {tier: completed, min_points: 80}\n  - {tier: not-completed, min_points: 10}\n"})
case("profile-components", {"profiles/custom.yaml": "apiVersion: giaoviec/v1\nkind: ScoringProfile\nid: custom\ntitle: Thử\nsource: Thử\ncomponents: {general: 30, results: 70}\ntiers:\n  - {tier: not-completed}\n"})
case("profile-share-range", {"profiles/custom.yaml": "apiVersion: giaoviec/v1\nkind: ScoringProfile\nid: custom\ntitle: Thử\nsource: Thử\ncomponents: {tasks: 100}\ntiers:\n  - {tier: good, require: {done_share: 1.5}}\n  - {tier: not-completed}\n"})
case("config-scoring-overlap", {"giaoviec.yaml": open(str(pathlib.Path(__file__).parent) + "/base/giaoviec.yaml").read().replace("to: 2023-10-03", "to: 2023-12-31")})
case("config-unknown-profile", {"giaoviec.yaml": open(str(pathlib.Path(__file__).parent) + "/base/giaoviec.yaml").read().replace("profile: tw124-2023", "profile: tw124-2024")})

for name, (files, _remove) in cases.items():
    d = ROOT / name
    d.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        p = d / "files" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
print(len(cases))
