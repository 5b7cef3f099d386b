"""`giaoviec rules` documents every code the checks emit, and the corpus exercises every rule."""

from __future__ import annotations

from conftest import DATA
from giaoviec.rules import RULES, rule_for


def corpus_codes() -> set[str]:
    codes = set()
    for expect in (DATA / "invalid").glob("*/expect.txt"):
        codes |= {line.split()[0] for line in expect.read_text().splitlines() if line.strip()}
    return codes


def test_every_emitted_code_is_documented():
    for code in corpus_codes():
        assert rule_for(code) is not None, code


GIT_ONLY = {"amend.missing"}  # needs two revisions: tests/test_review.py


def test_every_rule_is_exercised_by_the_corpus():
    codes = corpus_codes() | GIT_ONLY
    for rule in RULES:
        if rule.code.endswith(".*"):
            assert any(c.startswith(rule.code[:-1]) for c in codes)
        else:
            assert rule.code in codes, f"no invalid case for {rule.code}"


def test_rules_have_both_examples():
    for rule in RULES:
        assert rule.good.strip() and rule.bad.strip() and rule.good != rule.bad
