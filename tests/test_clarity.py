"""The clarity analyser (checks/wording.py) against the labelled corpus, its pieces, the shapes
`giaoviec rules` shows, and the configuration of its word lists."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from clarity_corpus import BLIND, REAL, cases, figures
from conftest import DATA, build_repo
from giaoviec.checks import wording, wording_model
from giaoviec.codes import BY_CODE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import clarity_model

BARS = {"vague_recall": 0.90, "mismatch_recall": 0.75, "false_alarms": 0.10}  # spec/clarity.md
# Blind results, kept in writing. real_blind2 (97 wordings collected after the rules were frozen at
# a4ee70a, committed at 92fe69b before the analyser read them) gave, blind, in both product variants:
# vague recall 94.3 % (50 of 53), mismatch recall 72.7 % (8 of 11), false alarms 18.2 % (6 of 33).
# The families it showed: deadlines written "trước ngày 15-11-2018" (hyphens) or "đến hết năm 2020"
# were not read; end states of named places not known ("hoàn thành nhiệm vụ Xây dựng NTM", "Các
# huyện: Châu Thành, … đạt chuẩn huyện nông thôn mới"); a named event after "Triệu tập … dự Hội
# nghị"; "Tham mưu về kinh phí … trình UBND"; and, the other way, carrying out a named decision read
# as producing it, "đề xuất UBND tỉnh" with no subject, "6 nhóm giải pháp" of a resolution read as a
# count. real_blind's last blind result: 100 %, 100 %, 7.0 % (4 of 57).
#
# real_blind3 (132 wordings from 33 provinces, committed at 8701a56 before the analyser read them; no
# page reached gives a product column, so both variants are the generic report and the task's own
# words) gave, blind, with the rules of 7500372 (the families of real_blind2 fixed): vague recall
# 90.9 % (50 of 55), mismatch recall 85.2 % (23 of 27), false alarms 20.0 % (10 of 50), the same in
# both variants (the rules frozen before, 44879b6, gave 90.9 %, 85.2 %, 22.0 %): below the bar on
# false alarms. The families it showed: a strict bound read as the figure ("xuống dưới 15%"); a time,
# the whole unit or a modal before the verb ("Trong thời gian từ nay đến tháng 9/2023, phải …"); a
# comment on a named draft; a whole defined population covered ("cho công dân đủ điều kiện");
# deadlines "đến hết ngày …", "đến tháng 9/2023", "trong tháng 4-2023", "đến năm 2030" before the
# verb; and, the other way, a plan whose subject is a duty followed by "và chỉ đạo …", a year read
# as a count ("Giáp Thìn 2024 được …"), a name across a comma and "phấn đấu", a count of documents
# carried out ("Cụ thể hóa 02 NQ"), "Thống kê, rà soát …" read as a document. All three real_blind
# parts are tuning parts since (their headers say so), held to the bars like the others.
#
# Known shortfall, measured blind and not tuned away. real_blind4 (133 wordings from 32 provinces,
# committed at cc28dbe before the analyser read them; no product column either) gave, blind, with the
# rules tuned on real_blind3 (the merge of 6fab5b8): vague recall 89.1 % (49 of 55), mismatch recall
# 82.6 % (19 of 23), false alarms 20.0 % (11 of 55), the same in both variants; with the rules before
# that tuning (7500372) 87.3 %, 82.6 %, 20.0 %. So the families fixed from each blind part (real_blind2,
# real_blind3: 18–20 % → 0–6 % on the part itself) did not lower the false alarms on wordings the
# rules were not written from: about one clear wording in five is still warned as vague. These
# figures are held as a floor (no worse); the blind part's misses are not shown or read, so that it
# stays a fair test of the next change.
#
# Since then real_blind4 is a TUNING part (its misses are shown), and a learnt model vetoes the rules'
# "vague" where it is confident the wording reads clear (checks/wording_model.py, trained by
# tools/clarity_model.py on every part; it may lift only a wording that could name something and uses
# none of the spec's standing-duty words). In-sample that says nothing; held out it does. For each of
# the five once-blind parts, the model fitted on the other parts over the rules that part was measured
# blind with (re-run from git), pooled: rules alone vague recall 93.9 %, mismatch 85.5 %, false alarms
# 16.7 % (36 of 215); with the veto at the threshold kept (0.5) 91.7 % / 85.5 % / 9.3 % (20 of 215), but
# that threshold was chosen on those figures: with the threshold too chosen without the part, 90.8 % /
# 85.5 % / 10.7 % (23 of 215), the honest estimate (`python tools/clarity_model.py cv`). On real_blind4
# alone, over its blind rules: 83.6 % / 82.6 % / 9.1 % at 0.5. Then two of real_blind4's vague misses
# were fixed by shape (a count of a document's groups of tasks, an event "named" only by where it is
# held): its figures since are tuning figures like the others'.
#
# real_blind5 (141 wordings from 35 provinces, committed at 28f1ebb before the analyser read them; no
# page gave a product column, so both variants are the generic report and the task's own words) gave,
# blind, measured once with the rules and the veto of the merge of w/clarity: generic report: vague
# recall 92.3 % (60 of 65), mismatch recall 59.3 % (16 of 27), false alarms 6.1 % (3 of 49); own words:
# 90.8 % (59 of 65), 59.3 %, 4.1 % (2 of 49). The rules of 7aab236 alone (before the veto) gave 96.9 %,
# 59.3 %, 10.2 % and 95.4 %, 59.3 %, 8.2 %. So on this part the veto brought the false alarms under the
# bar with vague recall still over it, and the mismatch recall is below its bar.
#
# Since then real_blind5 is a TUNING part (its misses are shown, the veto learns from it). Its 11 mismatch
# misses were three families, each fixed in its general shape (the tests below, in wordings of our own):
# dates not read (a month "giữa/đầu/cuối tháng 06/2025", days with points "từ ngày 27.1- 24.2", the event's
# day "(ngày 14-4)", an anniversary's dates "(11/6/1948-11/6/2018)", a year opening the task or after
# "phấn đấu", a year closing an end state "… đạt chuẩn nông thôn mới năm 2022"); a target that is another
# figure of the text (a count of another thing, "72 xã đạt 19 tiêu chí"; another kind of place, "7 xã"
# against thôn; the figure of another place or qualifier in a list, read from the measure's indicator; the
# same figure in another unit); and figures named by "đạt, vượt X" or a rank ("trong nhóm 30/63"), read as
# the figure as "ít nhất" is. The earlier blind parts' mismatch misses were the same kinds (dates with
# hyphens, "đến hết năm", a strict bound). Its figures since are tuning figures: mismatch recall 100 %.
#
# real_blind6 (136 wordings from 32 provinces, committed at 7927109 before the analyser read them; no
# product column) gave, blind, measured once with the rules of the merge of w/clarity2 (the mismatch
# families of real_blind5 fixed) and the veto retrained with real_blind5: vague recall 85.2 % (52 of
# 61), mismatch recall 74.1 % (20 of 27), false alarms 8.3 % (4 of 48), the same in both variants.
# Before that tuning, the veto of w/clarity gave 85.2 %, 63.0 %, 8.3 %, and the rules of 7aab236 alone
# (no veto) 91.8 %, 63.0 %, 16.7 %.
#
# Since then real_blind6 is a TUNING part. Of its 9 vague misses the veto had lifted 4, each confident
# only because `what` held a year ("năm 2024", "năm học 2019-2020") or a place's name, beside a striving or
# a manner ("phấn đấu", "đúng quy định/quy trình", "mức cao nhất"): the veto's guard now counts no year and
# takes those words as standing duties (test below). Held out (the model fitted without the part, the
# rules of now), pooled over the 8 real parts, this guard moved vague recall 93.2 % -> 95.2 % (372 -> 380
# of 399) and false alarms 3.8 % -> 4.1 % (14 -> 15 of 370); real_blind6 held out 91.8 % / 77.8 % / 8.3 %.
# Over the blind-era rules of the five once-blind parts (`cv`, model held out, 0.5), the same pair:
# 91.3 % -> 92.6 % vague (209 -> 212 of 229), 8.8 % -> 9.8 % false alarms (19 -> 21 of 215); nested
# 91.3 % / 10.7 % -> 92.1 % / 11.6 %. Four mismatch families fixed (a figure glued to its unit, "3.485ha";
# a month without its year, "Đầu tháng 8"; the start of a change, "tăng từ 51 … lên 56"; figures of two
# things joined by "và", read by the indicator) and one false-alarm family (a body that hosts an event,
# named first). Its figures since are tuning figures: 91.8 % / 88.9 % / 4.2 %.
#
# real_blind7 (141 wordings from 22 provinces, committed at e3470b6 before the analyser read them; no
# product column) gave, blind, measured once with the rules of the merge of w/clarity3 (real_blind6's
# families fixed, the veto's guard no longer lifting a wording named only by a year or a striving):
# generic report vague recall 88.1 % (59 of 67), mismatch recall 84.6 % (22 of 26), false alarms 14.6 %
# (7 of 48); own words 85.1 % (57 of 67), 84.6 %, 14.6 %. With the rules before that tuning (the merge
# of w/clarity2) it gave 89.6 % (60), 80.8 % (21), 12.5 % (6); own words 86.6 % (58). Held as a floor.
#
# The three fresh blind parts of this round, each measured once with the rules of the moment (real_blind5
# with the first veto, real_blind6 after real_blind5's tuning, real_blind7 after real_blind6's), pooled,
# generic report: vague recall 88.6 % (171 of 193), mismatch recall 72.5 % (58 of 80), false alarms 9.7 %
# (14 of 145); own words: 87.0 % (168 of 193), 72.5 %, 9.0 % (13 of 145). The bars (90 / 75 / 10) are
# not met on wordings the rules have not seen, and each round of tuning moves one part's misses, not the
# pooled figure: this is the honest state of issue 28.
#
# Since then real_blind7 is a TUNING part (BLIND = ()). Of its 8 vague misses (generic report) the rules had
# passed 7 and the veto lifted 1; 6 of those 7 were written in the spec's standing-duty words and passed
# only because a name or a count was read ("bản sắc Ba Chẽ" read as 3, "hai sự kiện trên", "3 chương trình
# mục tiêu Quốc gia"). What was changed, by family, each tested below in our own wordings: the model may
# overrule a named result when the task says its duty in the spec's standing-duty words (before any name)
# and it is very confident (p > 0.8), and a body that does the task or is addressed gives the veto nothing
# to lift. Held out over the blind-era rules of the eight once-blind parts (`cv`, threshold 0.5), the two
# together: vague 384 -> 392 of 422, false alarms 38 -> 38 of 360 (nested, the threshold too chosen without
# the part: 391/422 and 41/360 before and after, the choice moving on three parts). Rules, by family: a
# number word inside a proper name and "mỗi xã một sản phẩm" count nothing; a multiplier before a count
# ("4 triệu lượt"); the parts after "trong đó"; "3/4 trường" is 3; the unit's own standard needs no place
# and a time before the state is no object (it also fixed a false alarm of real_blind4, no verdict of
# another part got worse); an indicator's year before its figure ("… đến năm 2030 đạt 135 triệu đồng") and
# an occasion's day ("dịp 2/9") are deadlines. Its figures since are tuning figures: 95.5 % / 100 % / 6.2 %
# (own words 92.5 %); with the model held out of it, 94.0 % / 100 % / 8.3 % (test below).
#
# real_blind8 (145 wordings, 28 provinces) and real_blind9 (142 wordings, 31 provinces), collected by two
# helpers who never ran the analyser, committed before it read them, measured ONCE together with the rules
# above (6637d86; the protocol, written before: the pooled figures of the two decide), generic report and
# own words alike: real_blind8 vague 59/61 (96.7 %), mismatch 26/28 (92.9 %), false alarms 12/56 (21.4 %);
# real_blind9 55/60 (91.7 %), 26/28 (92.9 %), 2/54 (3.7 %); POOLED 114/121 (94.2 %), 52/56 (92.9 %),
# 14/110 (12.7 %). Vague and mismatch recall meet their bars on wordings never seen; false alarms do not
# (≤ 10 %: 11 of 110 would do), and the two parts differ by a factor of six on them.
#
# Since then both are TUNING parts (BLIND = (), w/clarity5), real_blind8's shortfall dropped once it met the bars.
# Families fixed, each tested below in our own wordings: a range with the percentage on both ends ("19%-20%"); a
# working session with a body named by the document or event it is about; a committee agreeing to do something
# ("Thống nhất thành lập …") read as doing it; dissolving or merging a named body ("Giải thể Chi bộ …"); and one
# vague miss, the items a programme lists ("33 phần việc"). Then, from the rules' false alarms pooled over all real
# parts, three shapes that recur: finishing a named work ("Hoàn thiện đường Vành đai …"), opening a named road
# ("Thông tuyến đường …"), a meeting's agenda ("Nghe báo cáo …", "Xem xét thông qua Nghị quyết …"). The veto
# retrained with both parts. Held out of the model (`cv`, today's rules), pooled over the 11 real parts: vague
# 559 -> 560 of 587, false alarms 34 -> 25 of 528 (real_blind4 5 -> 3, real_blind6 4 -> 3, real_blind8 12 -> 7,
# real_blind9 2 -> 1; vague 55 -> 56 of 60); no other verdict moved, either way. Fitted on these sentences: only
# the next blind parts can tell whether the families generalise. Tuned: real_blind8 98.4 % / 92.9 % / 7.1 %,
# real_blind9 93.3 % / 92.9 % / 0 %.
#
# real_blind10 (139 wordings, 27 provinces) and real_blind11 (140 wordings, 25 provinces), collected by two
# helpers who never ran the analyser while w/clarity5 tuned on real_blind8/9, committed before it read them,
# measured ONCE together with the rules above (32ddc17; the protocol, written before: the pooled figures
# decide), generic report and own words alike: real_blind10 vague 61/65 (93.8 %), mismatch 23/27 (85.2 %),
# false alarms 5/47 (10.6 %); real_blind11 51/58 (87.9 %), 28/31 (90.3 %), 6/51 (11.8 %); POOLED 112/123
# (91.1 %), 51/58 (87.9 %), 11/98 (11.2 %). Again both recall bars met on wordings never seen and false alarms
# not (9 of 98 would do). Over the four parts measured blind this session (two rounds, 566 wordings): vague
# 226/244 (92.6 %), mismatch 103/114 (90.4 %), false alarms 25/208 (12.0 %): tuning brings a tuned part's false
# alarms to 0-7 %, and unseen wordings stay at about 11-13 %.
#
# Since then real_blind10/11 are TUNING parts (w/clarity6). Their 11 blind false alarms by shape: a named event as
# the task with no verb ("Đại hội Đảng bộ xã … trước ngày 25.3", 2; real_blind4 had one too), none left of a
# countable thing or the unit's own poverty status after "phấn đấu" (2), the year and a named place before the verb
# ("Năm 2021, TX. Phú Mỹ tiếp tục xây dựng Chương trình …"), a unit listing its kinds ("thôn, làng") read across
# its comma, a second milestone's year against due (2, open), preparing for a named event (1, label doubted),
# studying a congress's resolution (1, label doubted), a bare plan with duties (1, label doubted). Fixed by family,
# each tested below in our own wordings, and 4 vague misses of both parts ("5 trụ cột", "2 mũi nhọn", "05 chương
# trình trọng điểm", "08 nội dung"). Pooled over all real parts (blind-era rules, model held out) the false alarms
# of a dated striving ("Phấn đấu … năm 2020 …") were the one cross-part shape the model already scored clear: the
# veto may lift a dated wording whose only duty word is "phấn đấu" below p 0.15, chosen leave-one-part-out (grid
# 0-0.3; 0.15 on eleven parts, 0.10 on one): 5 false alarms lifted, 1 vague lost. Held out of the model (`cv`), today's
# rules, 13 real parts: vague 669 -> 672 of 710, mismatch 270/284, false alarms 34 -> 27 of 626 (real_blind3 3 -> 2,
# real_blind10 5 -> 2, real_blind11 6 -> 3; real_blind6 vague 56 -> 55); the blind-era rules of the 12 once-blind
# parts, veto held out: vague 617 -> 616 of 666, false alarms 60 -> 55 of 568 (10.6 % -> 9.7 %). Tuned: real_blind10
# 96.9 % / 85.2 % / 4.3 %, real_blind11 93.1 % / 90.3 % / 3.9 %, both variants: no shortfall left.
#
# real_blind12 (147 wordings, 33 provinces), real_blind13 (155, 22 provinces) and real_blind14 (142, 24 provinces),
# collected by three helpers who never ran the analyser while w/clarity6 tuned on real_blind10/11, their vague/clear
# items labelled a second time independently (agreement 346 of 351; the 5 disagreements decided by a third reader
# against spec/clarity.md, 4 labels changed, all before the analyser read them), measured ONCE together with the
# rules above (51de271; the protocol, written before: the pooled figures of the three, adjudicated labels, decide):
# generic report: real_blind12 vague 52/56 (92.9 %), mismatch 33/33 (100 %), false alarms 4/58 (6.9 %); real_blind13
# 49/55 (89.1 %), 29/29 (100 %), 9/71 (12.7 %); real_blind14 50/55 (90.9 %), 26/31 (83.9 %), 4/56 (7.1 %); POOLED
# vague 151/166 (91.0 %), mismatch 88/93 (94.6 %), false alarms 17/185 (9.2 %). Own words: the same but vague
# real_blind12 51/56, POOLED 150/166 (90.4 %). With the collectors' own labels: POOLED the same counts (151 and 150
# of 166, 88/93, 17/185). For the first time all three bars are met on wordings never seen, pooled (thinly for
# vague recall), while one part alone (real_blind13) is below two of them: its figures are held as a floor.
SHORTFALL: dict[str, dict[str, float]] = {"real_blind13": {"vague_recall": 0.890, "false_alarms": 0.127}}


@pytest.mark.parametrize("part", ["tune", "holdout"])
def test_the_corpus_meets_the_bars(part, capsys):
    f = figures(part)
    with capsys.disabled():
        print(f"\n  clarity {part}: {len(cases(part))} wordings, vague recall {f.vague_recall:.1%}, "
              f"mismatch recall {f.mismatch_recall:.1%}, false alarms on clear {f.false_alarms:.1%}")
    assert f.vague_recall >= BARS["vague_recall"], f.misses
    assert f.mismatch_recall >= BARS["mismatch_recall"], f.misses
    assert f.false_alarms <= BARS["false_alarms"], f.misses


@pytest.mark.parametrize("variant", ["source", "words"])
@pytest.mark.parametrize("part", REAL)
def test_the_real_wordings_meet_the_bars(part, variant, capsys):
    """Real wordings (spec/clarity.md "How well"), with the source's own product (else the generic
    report a committee writes) and with a product that merely repeats the task's words. A blind part
    is fixed before any rule is written from it; its blind figures stay written above when it becomes
    a tuning part."""
    f = figures(part, variant)
    known = SHORTFALL.get(part, {})
    with capsys.disabled():
        print(f"\n  clarity {part} [{variant}]: {len(cases(part))} wordings, vague recall {f.vague_recall:.1%}, "
              f"mismatch recall {f.mismatch_recall:.1%}, false alarms on clear {f.false_alarms:.1%}"
              + (" (known shortfall: " + ", ".join(known) + ")" if known else ""))
    # a blind part's misses are not shown (they would be read and tuned on): only its figures
    misses = [] if part in BLIND else f.misses
    assert f.vague_recall >= min(BARS["vague_recall"], known.get("vague_recall", 1.0)), misses
    assert f.mismatch_recall >= min(BARS["mismatch_recall"], known.get("mismatch_recall", 1.0)), misses
    assert f.false_alarms <= max(BARS["false_alarms"], known.get("false_alarms", 0.0)), misses


def test_the_stored_model_is_the_one_the_corpus_trains():
    """giaoviec/data/clarity_model.json is what tools/clarity_model.py fits on every part but the blind
    ones: no hand edit, and nothing learnt from a blind part."""
    assert not set(clarity_model.TRAINABLE) & set(BLIND)
    model = clarity_model.fit(clarity_model.samples(clarity_model.TRAINABLE))
    assert json.loads(clarity_model.OUT.read_text(encoding="utf-8")) == model


def test_the_veto_held_out_of_the_last_blind_part(monkeypatch, capsys):
    """The model fitted WITHOUT real_blind4 lifts most of the rules' false alarms on it and loses
    few vague ones. (Over the rules of its blind measure this was 83.6 % / 82.6 % / 9.1 %, the header
    above; the rules have been tuned on it since, so this figure is not a blind one.)"""
    model = clarity_model.fit(clarity_model.samples(tuple(p for p in clarity_model.TRAINABLE if p != "real_blind4")))
    monkeypatch.setattr(wording, "vetoes", lambda what: wording_model.vetoes(what, model))
    f = figures("real_blind4", "source")
    with capsys.disabled():
        print(f"\n  clarity real_blind4, model held out: vague recall {f.vague_recall:.1%}, "
              f"mismatch recall {f.mismatch_recall:.1%}, false alarms on clear {f.false_alarms:.1%}")
    assert f.vague_recall >= 48 / 55 and f.mismatch_recall >= 19 / 23 and f.false_alarms <= 5 / 55, f.misses
    assert f.false_alarms < 11 / 55  # the rules alone: 11 of 55


def test_the_model_held_out_of_real_blind7(monkeypatch, capsys):
    """The model fitted WITHOUT real_blind7 (its veto and its narrow second word) over the rules of now:
    the bars hold (94.0 % / 100 % / 8.3 % when written). The rules were tuned on real_blind7, so this
    is no blind figure; it says the model's share does not rest on having learnt the part."""
    model = clarity_model.fit(clarity_model.samples(tuple(p for p in clarity_model.TRAINABLE if p != "real_blind7")))
    monkeypatch.setattr(wording, "vetoes", lambda what: wording_model.vetoes(what, model))
    monkeypatch.setattr(wording, "reverses", lambda what: wording_model.reverses(what, model))
    f = figures("real_blind7", "source")
    with capsys.disabled():
        print(f"\n  clarity real_blind7, model held out: vague recall {f.vague_recall:.1%}, "
              f"mismatch recall {f.mismatch_recall:.1%}, false alarms on clear {f.false_alarms:.1%}")
    assert f.vague_recall >= BARS["vague_recall"] and f.mismatch_recall >= BARS["mismatch_recall"], f.misses
    assert f.false_alarms <= BARS["false_alarms"], f.misses


def test_the_veto_lifts_only_the_rules_vague_and_not_over_a_repository_phrase(monkeypatch):
    """A real clear wording the rules call vague (real_blind4: a body named before the plan it drafts,
    which the rules do not read past) is lifted by the model; a phrase the repository added is one the
    model never learnt, so over it the rules' word stands; and the model never makes a clear wording vague."""
    what = "UBND xã Giao Thiện xây dựng Kế hoạch tổ chức ngày hội văn hóa truyền thống của xã năm 2024"
    assert wording_model.p_vague(what) < 0.25 and not wording.judge(what, None, year=2024).vague
    assert wording.judge(what, None, year=2024, phrases=(*wording.VAGUE_PHRASES, "ngày hội văn hóa")).vague
    assert not wording_model.vetoes("Triệu tập đầy đủ thành phần dự hội nghị")  # no name at all: no veto
    assert not wording_model.may_lift("Đẩy mạnh cổ động trực quan trên các trục đường nội ô Long Khánh")  # a duty's words
    monkeypatch.setattr(wording, "vetoes", lambda what: False)
    assert wording.judge(what, None, year=2024).vague  # the rules alone


def test_the_real_corpus_says_where_each_wording_came_from():
    real = [entry for part in REAL for entry in YAML(typ="safe").load((DATA.parent / "data" / "clarity" / f"{part}.yaml")
                                                                       .read_text(encoding="utf-8"))]
    assert len(real) >= 300  # spec: 300 (issue 28); 636 now
    # spec: 20 provinces; 63 now (and one ministry's letter to every province)
    assert len({e["province"] for e in real} - {"Bộ NN&PTNT (toàn quốc)"}) >= 60
    assert all(e["source"].strip() and e["what"].strip() for e in real)
    by_label = {label: [e for e in real if e["label"] == label] for label in ("vague", "clear", "mismatch")}
    assert min(len(v) for v in by_label.values()) >= 20
    # the spec's hard cases: vague with digits that are not quantities, clear after a vague verb
    assert sum(any(ch.isdigit() for ch in e["what"]) for e in by_label["vague"]) >= 10
    assert sum(wording.norm(e["what"]).startswith(wording.VAGUE_PHRASES) for e in by_label["clear"]) >= 5
    # split by source document: no document gives wordings to two parts
    sources = [{e["source"].split(" (")[0] for e in YAML(typ="safe").load((DATA.parent / "data" / "clarity" / f"{p}.yaml")
                                                                            .read_text(encoding="utf-8"))} for p in REAL]
    assert all(not a & b for i, a in enumerate(sources) for b in sources[i + 1:])


# Issue 28's families, in wordings written for this test from its description
@pytest.mark.parametrize("what", [
    "Xây dựng kế hoạch tổ chức Đại hội đại biểu Đảng bộ xã Tam Hồng lần thứ XXV",
    "Xây dựng phương án phân luồng phương tiện qua cầu Vĩnh Thịnh trong thời gian sửa chữa",
    "Trình HĐND tỉnh Đề án phát triển du lịch cộng đồng huyện Tam Đảo",
    "Mở hội nghị triển khai công tác bầu cử đại biểu HĐND các cấp",
    "Tổ chức Hội nghị sơ kết 6 tháng thực hiện Nghị quyết 15-NQ/HU",
    "Đưa huyện Yên Lạc về đích nông thôn mới nâng cao cuối năm 2024",
    "Xây dựng, phát triển thị trấn Hợp Hòa đạt tiêu chí đô thị loại IV",
    "Phấn đấu xã Đồng Văn đi vào hoạt động theo mô hình chính quyền điện tử trước ngày 30/6/2024",
    "Khánh thành Trung tâm y tế huyện Yên Lạc",
    "Xây dựng nhà văn hóa thôn Đông",
    "Huyện đạt chuẩn nông thôn mới",
    "Thống nhất đề cương Báo cáo chính trị trình Đại hội đại biểu Đảng bộ huyện lần thứ XX",
    "Nghiên cứu, báo cáo đề xuất UBND tỉnh các giải pháp phát triển thị trường lao động trong khu công nghiệp",
])
def test_a_named_result_in_what_makes_a_task_clear(what):
    v = wording.judge(what, "Báo cáo kết quả thực hiện nhiệm vụ", due=dt.date(2024, 12, 31), year=2024)
    assert not v.vague and v.quantity is None, v


# The families real_blind2 (blind, then tuning) and the tuning parts' false alarms showed, in
# wordings written for these tests
@pytest.mark.parametrize("what", [
    "Thị xã Quảng Trị hoàn thành nhiệm vụ xây dựng nông thôn mới",  # the end state of a named place
    "Thành phố Vị Thanh hoàn thành nhiệm vụ xây dựng NTM",
    "Các xã: Tân Lập, Hòa Bình và Yên Sơn đạt chuẩn nông thôn mới nâng cao",  # a list of named places
    "Các huyện Lạc Sơn, Kim Bôi đạt chuẩn huyện nông thôn mới",
    "Giữ vững danh hiệu xã văn hóa và đạt xã nông thôn mới kiểu mẫu vào cuối năm 2025",  # and a new status
    "Huy động các nguồn lực để hoàn thành mục tiêu xây dựng huyện NTM trong năm 2025",  # its purpose
    "Triệu tập cán bộ chủ chốt các xã dự Hội nghị trực tuyến tổng kết công tác phòng chống thiên tai",  # an event attended
    "Tổ chức tổng kết việc thực hiện Đề án phát triển du lịch huyện Mai Châu",  # a review of a named document
    "Sơ kết 5 năm thực hiện Nghị quyết 08-NQ/TU về phát triển du lịch",  # … or of a numbered one
    "Tham mưu về nguồn vốn nâng cấp đường tỉnh 305 Hòa Bình, trình UBND tỉnh trong tháng 12/2025",  # a submission
    "Chỉ đạo các xã, thị trấn xây dựng kế hoạch tổ chức Lễ hội Đền Hùng",  # the units directed, then the document
    "Thiết lập hệ thống cảnh báo lũ quét cho vùng cao",  # a work made for a stated purpose
])
def test_the_shapes_real_blind2_showed_make_a_task_clear(what):
    v = wording.judge(what, "Báo cáo kết quả thực hiện nhiệm vụ", due=dt.date(2025, 12, 31), year=2025)
    assert not v.vague and v.quantity is None and v.deadline is None, v


# real_blind3's families (it was blind, then tuning), in wordings written for these tests: a time,
# the whole unit or a modal before the verb ("Trong thời gian từ nay đến tháng 6/2026, phải …",
# "Toàn huyện sẽ …"); comments on a named draft ("Góp ý vào dự thảo Quy định của Tỉnh ủy …")
@pytest.mark.parametrize("what", [
    "Trong thời gian từ nay đến tháng 6/2025, phải xử lý dứt điểm việc lấn chiếm tại Chợ Đồng Xuân",
    "Đến hết ngày 15/10/2025 phải bàn giao mặt bằng Khu công nghiệp Yên Mỹ",
    "Toàn huyện sẽ khánh thành Trường tiểu học Nam Sơn trước ngày 5/9/2025",
    "Tham gia ý kiến vào dự thảo Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XX",
    "Góp ý dự thảo Nghị quyết của HĐND tỉnh về giá đất",
    "Xây dựng kế hoạch tổ chức Lễ hội Đền Hùng và chỉ đạo các xã thực hiện",  # the subject is named before the duty
    # a proposal "qua đó" is about what the clause before it names
    "Rà soát hiện trạng sử dụng đất của Nông trường Sông Hiếu; qua đó đề xuất cụ thể trình UBND tỉnh trước ngày 30-9-2025",
    # … read only through the lead "qua đó" itself (its pattern is lazy: a match's `re` is told from it by its text)
    "Khảo sát nhu cầu đầu tư hạ tầng giao thông nông thôn; qua đó tham mưu trình UBND tỉnh",
    # a whole defined population covered: checkable as all of it
    "Hoàn thành cấp giấy chứng nhận quyền sử dụng đất cho các hộ đủ điều kiện trước ngày 30/11/2025",
    "Hoàn thành việc hỗ trợ xóa nhà tạm cho các hộ thuộc diện hộ nghèo của xã",
    "Tất cả cán bộ, công chức của huyện phải cài đặt ứng dụng VNeID trong tháng 10/2025",
])
def test_the_shapes_real_blind3_showed_make_a_task_clear(what):
    v = wording.judge(what, "Báo cáo kết quả thực hiện nhiệm vụ", due=dt.date(2025, 12, 31), year=2025)
    assert not v.vague and v.quantity is None, v


@pytest.mark.parametrize("what", [
    "Toàn huyện phải nâng cao chất lượng công tác dân vận",  # the whole unit, a standing duty
    "Góp ý vào công tác xây dựng Đảng",  # a comment on no document
    "Trong thời gian từ nay đến tháng 6/2025, phải tăng cường công tác kiểm tra",
    "Hoàn thành việc nâng cao chất lượng phục vụ các hộ đủ điều kiện",  # all of them, but a standing duty
    "Toàn bộ cán bộ, đảng viên phải nâng cao ý thức trách nhiệm",
    "Hoàn thành các nhiệm vụ được giao",  # no population, nothing named
    # a comma and a standing duty start another duty: a name before it is not the object of the state after it
    "Đẩy mạnh tuyên truyền, hưởng ứng Ngày Môi trường thế giới, phấn đấu hoàn thành các chỉ tiêu được giao",
    "Tăng cường vận động nhân dân tham gia Quỹ Vì người nghèo, tích cực hoàn thành kế hoạch đề ra",
    "Cụ thể hóa 03 NQ của Tỉnh ủy về phát triển kinh tế và xây dựng nông thôn mới",  # documents carried out
    # a kind's word in a list of verbs is a verb ("Thống kê, rà soát …"), not a document with a subject
    "Thống kê, rà soát bảo đảm việc chi trả trợ cấp Tết Nguyên đán cho gia đình chính sách đúng đối tượng",
    "Báo cáo, tham mưu kịp thời việc hỗ trợ người dân vùng lũ Sông Mã",
    # a document's subject ends where the clause goes on to direct others: what it is about is a duty
    "Xây dựng kế hoạch phát triển hội viên và chỉ đạo các chi hội tổ chức thực hiện việc kết nạp hội viên mới",
    "Ban hành kế hoạch nâng cao chất lượng hội viên, hướng dẫn các chi hội triển khai thực hiện đúng tiến độ, chất lượng",
])
def test_the_same_shapes_over_a_standing_duty_stay_vague(what):
    v = wording.judge(what, "Báo cáo kết quả thực hiện nhiệm vụ", due=dt.date(2025, 12, 31), year=2025)
    assert v.vague, v


# real_blind4's families (it was blind, then tuning), in wordings written for this test
@pytest.mark.parametrize(("what", "vague"), [
    ("Thực hiện 3 nhóm giải pháp của Kế hoạch 12-KH/UBND về cải cách hành chính", True),  # a document's groups
    ("Triển khai đồng bộ 5 nhóm nhiệm vụ, giải pháp nêu trong Nghị quyết 08-NQ/TU", True),
    ("Triển khai 5 nhóm giải pháp phát triển du lịch, thu hút 2 triệu lượt khách", False),  # a count of its own
    ("Tăng cường quản lý và tổ chức lễ hội năm 2025 trên địa bàn huyện Mai Châu", True),  # held where, named nothing
    ("Tổ chức Lễ hội Vải thiều Lục Ngạn tại huyện Lục Ngạn", False),  # named before where it is held
])
def test_the_shapes_real_blind4_showed(what, vague):
    v = wording.judge(what, "Báo cáo kết quả thực hiện nhiệm vụ", due=dt.date(2025, 12, 31), year=2025)
    assert v.vague is vague and v.quantity is None, v


@pytest.mark.parametrize("what", [
    # carrying out a named decision "effectively" is not producing what it approved
    "Triển khai thực hiện có hiệu quả Quyết định số 120/QĐ-UBND của UBND tỉnh phê duyệt Đề án Phát triển du lịch Mộc Châu",
    "Quán triệt và thực hiện tốt các nội dung Kế hoạch 45-KH/TU của Tỉnh ủy ban hành Quy chế dân chủ ở cơ sở",
    "Đề xuất UBND huyện xem xét theo quy định",  # "theo quy định" is no document; the proposal has no subject
    "Nghiên cứu, tham mưu UBND tỉnh giải quyết theo đúng quy định hiện hành",
    "Đề xuất các nội dung liên quan, trình cấp có thẩm quyền",
    "Sơ kết, tổng kết các phong trào thi đua",  # a review of nothing named
    "Triệu tập đầy đủ thành phần dự hội nghị",  # an event with no name
    # a count in a document's title is no quantity
    "Tiếp tục thực hiện Nghị quyết số 02 của Tỉnh ủy về 5 nhóm giải pháp phát triển kinh tế",
    "Quán triệt Chỉ thị 05-CT/TU về 3 nội dung trọng tâm của công tác dân vận",
])
def test_carrying_out_a_named_document_stays_vague(what):
    v = wording.judge(what, "Báo cáo kết quả thực hiện nhiệm vụ", due=dt.date(2025, 12, 31), year=2025)
    assert v.vague, v


@pytest.mark.parametrize(("what", "due", "agrees"), [
    ("Trình UBND huyện phương án tái định cư thôn Đoài trước ngày 20-10-2025", dt.date(2025, 10, 20), True),
    ("Trình UBND huyện phương án tái định cư thôn Đoài trước ngày 20-10-2025", dt.date(2025, 12, 31), False),
    ("Có thêm 5 xã đạt chuẩn nông thôn mới đến hết năm 2025", dt.date(2025, 12, 31), True),
    ("Có thêm 5 xã đạt chuẩn nông thôn mới đến hết năm 2025", dt.date(2026, 12, 31), False),
    ("Hoàn thành 4 km kênh mương vào cuối năm 2025", dt.date(2026, 6, 30), False),
    ("Khởi công cầu Bến Đền trước ngày 30/6", dt.date(2025, 12, 31), False),
    # several deadlines: the due is the last one's ("sơ kết … và tổng kết …", "… đến ngày 30/9 và cả năm …")
    ("Sơ kết vào năm 2023 và tổng kết vào năm 2025 Đề án phát triển chè Tân Cương", dt.date(2025, 12, 31), True),
    ("Giải ngân đạt 60% kế hoạch vốn đến ngày 30/6/2025 và cả năm đạt trên 95%", dt.date(2025, 12, 31), True),
    ("Giải ngân đạt 60% kế hoạch vốn đến ngày 30/6/2025 và cả năm đạt trên 95%", dt.date(2026, 6, 30), False),
    # real_blind3's family: "đến hết ngày", a month "đến"/"trong" with a hyphen, "đến năm" before the verb
    ("Đến hết ngày 15/10/2025 phải bàn giao mặt bằng Khu công nghiệp Yên Mỹ", dt.date(2025, 10, 15), True),
    ("Đến hết ngày 15/10/2025 phải bàn giao mặt bằng Khu công nghiệp Yên Mỹ", dt.date(2025, 12, 31), False),
    ("Từ nay đến tháng 6/2025 khánh thành Trường tiểu học Nam Sơn", dt.date(2025, 6, 30), True),
    ("Từ nay đến tháng 6/2025 khánh thành Trường tiểu học Nam Sơn", dt.date(2025, 9, 30), False),
    ("Khánh thành Trường tiểu học Nam Sơn trong tháng 8-2025", dt.date(2025, 12, 31), False),
    ("Phấn đấu đến năm 2027 xã Đông Sơn đạt chuẩn nông thôn mới kiểu mẫu", dt.date(2027, 12, 31), True),
    ("Phấn đấu đến năm 2027 xã Đông Sơn đạt chuẩn nông thôn mới kiểu mẫu", dt.date(2029, 12, 31), False),
    ("Phê duyệt Quy hoạch chung đô thị Phố Mới đến năm 2040", dt.date(2025, 12, 31), True),  # a horizon
])
def test_deadlines_in_what_against_the_due_date(what, due, agrees):
    v = wording.judge(what, "Báo cáo kết quả thực hiện nhiệm vụ", due=due, year=2025)
    assert (v.deadline is None) == agrees and not v.vague, v


# real_blind5's family (and real_blind4's): dates written in ways the rules did not read — a month with "giữa/đầu/cuối",
# a day with points, a span of days, the event's day in brackets, an anniversary's dates, a year opening the task or
# after "phấn đấu", a year closing an end state
@pytest.mark.parametrize(("what", "due", "agrees"), [
    ("Dự kiến cuối tháng 09/2025, UBND xã tổ chức Hội nghị đối thoại với nông dân xã Tân Lập", dt.date(2025, 9, 30), True),
    ("Dự kiến cuối tháng 09/2025, UBND xã tổ chức Hội nghị đối thoại với nông dân xã Tân Lập", dt.date(2025, 12, 31), False),
    ("Khai trương chợ đêm Phố Hiến trước ngày 15.8.2025", dt.date(2025, 8, 15), True),
    ("Khai trương chợ đêm Phố Hiến trước ngày 15.8.2025", dt.date(2025, 11, 30), False),
    ("Tổ chức Tháng hành động vì an toàn thực phẩm từ ngày 15.4 - 15.5", dt.date(2025, 5, 15), True),
    ("Tổ chức Tháng hành động vì an toàn thực phẩm từ ngày 15/4 đến ngày 15/5/2025", dt.date(2025, 9, 30), False),
    ("Huyện tổ chức Hội thao dân quân tự vệ năm 2025 (ngày 20-5)", dt.date(2025, 5, 20), True),
    ("Huyện tổ chức Hội thao dân quân tự vệ năm 2025 (ngày 20-5)", dt.date(2025, 8, 31), False),
    ("Xây dựng kế hoạch tổ chức kỷ niệm 80 năm Ngày thành lập huyện Tiên Lữ (2/9/1945-2/9/2025)", dt.date(2025, 8, 15), True),
    ("Xây dựng kế hoạch tổ chức kỷ niệm 80 năm Ngày thành lập huyện Tiên Lữ (2/9/1945-2/9/2025)", dt.date(2026, 3, 31), False),
    ("Tổ chức Lễ kỷ niệm 95 năm thành lập Đảng bộ tỉnh (1930 - 2025)", dt.date(2026, 6, 30), False),
    ("Tuyên truyền kỷ niệm 80 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2025) trên Cổng thông tin huyện", dt.date(2025, 12, 31), True),
    ("Nâng chất các tiêu chí ở 5 xã đã đạt chuẩn nông thôn mới năm 2020", dt.date(2025, 12, 31), True),
    ("Năm 2025, phấn đấu có thêm 4 xã đạt chuẩn nông thôn mới nâng cao", dt.date(2025, 12, 31), True),
    ("Năm 2025, phấn đấu có thêm 4 xã đạt chuẩn nông thôn mới nâng cao", dt.date(2026, 12, 31), False),
    ("Đoàn thanh niên phấn đấu năm 2025 sẽ kết nạp 300 đoàn viên mới", dt.date(2026, 6, 30), False),
    ("Xã Hòa Phong phấn đấu về đích nông thôn mới kiểu mẫu năm 2026", dt.date(2026, 12, 31), True),
    ("Xã Hòa Phong phấn đấu về đích nông thôn mới kiểu mẫu năm 2026", dt.date(2027, 6, 30), False),
    # not a deadline: a term, a comparison, a dated decision
    ("Xã Hòa Phong đạt chuẩn nông thôn mới nâng cao giai đoạn 2021-2025", dt.date(2026, 6, 30), True),
    ("Phấn đấu thu nhập bình quân đạt 70 triệu đồng/người, tăng 10% so với năm 2024", dt.date(2026, 6, 30), True),
])
def test_the_dates_real_blind5_showed_against_the_due_date(what, due, agrees):
    v = wording.judge(what, "Báo cáo kết quả thực hiện nhiệm vụ", due=due, year=2025)
    assert (v.deadline is None) == agrees, v


@pytest.mark.parametrize(("what", "missing"), [
    ("Xây dựng kế hoạch", "subject"),
    ("Xây dựng kế hoạch thực hiện các nhiệm vụ trọng tâm năm 2024", "subject"),
    ("Tổ chức hội nghị", "name"),
    ("Tập trung hoàn thành các chương trình, đề án phục vụ phát triển du lịch", "one thing"),
    ("Huyện Lục Nam tiếp tục duy trì và nâng cao chất lượng các tiêu chí nông thôn mới", "state"),
    ("Đến năm 2025 xây dựng xã cơ bản đạt nông thôn mới nâng cao", "one thing"),
    ("Thực hiện tốt Quy định số 124-QĐ/TW của Bộ Chính trị về kiểm điểm", "result"),  # a document carried out
    ("Triển khai thực hiện có hiệu quả Quyết định số 120/QĐ-UBND phê duyệt Đề án phát triển du lịch Mộc Châu", "result"),
    ("Triệu tập đủ thành phần dự hội nghị", "name"),
    ("Nghiên cứu, đề xuất UBND huyện xem xét theo quy định", "subject"),
])
def test_the_finding_names_the_part_that_is_missing(what, missing):
    v = wording.judge(what, "Báo cáo", due=dt.date(2024, 12, 31), year=2024)
    assert v.vague and v.reading is not None and v.reading.what.missing == missing, v


@pytest.mark.parametrize("what", [
    "Duy trì xã đạt chuẩn quốc gia về y tế",  # keeping a status is no new one
    "Đẩy mạnh thực hiện chương trình \"Mỗi xã một sản phẩm\" gắn với phát triển kinh tế hợp tác xã",  # a title counts nothing
    "Quán triệt, triển khai Nghị quyết số 46-NQ/TW ngày 20/12/2023 của Bộ Chính trị về Hội Nông dân Việt Nam",
    "Khẩn trương hoàn thành Quy hoạch, đẩy nhanh tiến độ các công trình hạ tầng giao thông trọng điểm",
    "Phấn đấu đến năm 2025 Nghệ An trở thành tỉnh khá trong khu vực phía Bắc",
])
def test_standing_duties_over_named_things_stay_vague(what):
    assert wording.judge(what, "Báo cáo", due=dt.date(2025, 12, 31), year=2025).vague


@pytest.mark.parametrize("product", [
    "Tiếp tục khơi dậy và phát huy vai trò chủ thể của người dân trong xây dựng nông thôn mới",
    "Đạt mục tiêu đề ra", "Người dân hài lòng", "Văn bản được ban hành", "Quy hoạch được phê duyệt",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Thống kê, rà soát bảo đảm việc cấp thẻ bảo hiểm y tế Quý Mão cho người có công kịp thời",  # a list of verbs
])
def test_a_product_in_vague_words_makes_nothing_clear(product):
    v = wording.judge("Tiếp tục khơi dậy và phát huy vai trò chủ thể của người dân trong xây dựng nông thôn mới", product, year=2024)
    assert v.vague and v.reading is not None and not v.reading.named_product, product


@pytest.mark.parametrize("product", [
    "Quyết định công nhận xã Tam Hồng đạt chuẩn nông thôn mới kiểu mẫu của UBND tỉnh",
    "Biên bản nghiệm thu trạm bơm Đồng Văn", "Giấy chứng nhận đăng ký hợp tác xã", "Xã Tam Hồng đạt chuẩn nông thôn mới",
    "Kế hoạch tổ chức Lễ hội Vải thiều Lục Ngạn", "Bản thu hoạch lưu trữ",
])
def test_a_product_that_names_a_result_makes_the_task_clear(product):
    assert not wording.judge("Tăng cường quản lý đất đai", product, year=2024).vague, product


@pytest.mark.parametrize(("what", "target", "unit", "agrees"), [
    ("Giảm bình quân từ 1,5-2%/năm", 1.5, "%", True),
    ("Giảm bình quân từ 1,5-2%/năm", 1.8, "%", True),
    ("Giảm bình quân từ 1,5-2%/năm", 2.5, "%", False),
    ("Mỗi năm kết nạp từ 90 - 100 đảng viên", 95, "đảng viên", True),
    ("Mỗi năm kết nạp từ 90 - 100 đảng viên", 80, "đảng viên", False),
    ("Tỷ lệ văn hóa đạt từ 96 đến 97%", 96, "%", True),
    ("Tăng trưởng 6 - 6,8%", 6.5, "%", True),
    ("Giải quyết việc làm cho 25.000-30.000 lao động", 25000, "người", True),
    ("Kết nạp hai mươi lăm đảng viên", 25, "đảng viên", True),
    ("Kết nạp hai mươi lăm đảng viên", 20, "đảng viên", False),
])
def test_ranges_and_number_words_agree_with_a_target_inside(what, target, unit, agrees):
    v = wording.judge(what, None, target=target, unit=unit, year=2024)
    assert (v.quantity is None) == agrees, v


# a strict bound ("dưới", "trên") asks for a figure on one side of it: a target there agrees; an
# inclusive one ("ít nhất", "tối đa") names the figure a target is set at (real_blind3's family)
@pytest.mark.parametrize(("what", "target", "unit", "agrees"), [
    ("Giảm tỷ lệ hộ nghèo đa chiều xuống dưới 3%", 2.5, "%", True),
    ("Giảm tỷ lệ hộ nghèo đa chiều xuống dưới 3%", 3.5, "%", False),
    ("Tỷ lệ hồ sơ trễ hạn thấp hơn 2%", 1, "%", True),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 95%", 96, "%", True),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 95%", 90, "%", False),
    ("Kết nạp ít nhất 40 đảng viên mới", 45, "đảng viên", False),
    ("Tỷ lệ nợ thuế không dưới 5%", 6, "%", False),
])
def test_a_strict_bound_agrees_with_a_target_on_its_side(what, target, unit, agrees):
    v = wording.judge(what, None, target=target, unit=unit, year=2024)
    assert (v.quantity is None) == agrees, v


# real_blind5's family (and real_blind4's): the target is another figure of the text, of another thing or
# another indicator — a count of criteria against a count of communes, another kind of place, the figure of
# another place or qualifier in a list (read from the measure's indicator), the same figure in another unit
@pytest.mark.parametrize(("what", "indicator", "target", "unit", "agrees"), [
    ("45 thôn đạt 10 tiêu chí khu dân cư kiểu mẫu", "Số thôn đạt 10 tiêu chí", 45, "thôn", True),
    ("45 thôn đạt 10 tiêu chí khu dân cư kiểu mẫu", "Số thôn đạt 10 tiêu chí", 10, "thôn", False),
    ("Kết nạp 120 đảng viên mới ở 35 chi bộ", None, 35, "đảng viên", False),
    ("Năm 2025 có thêm 5 xã đạt chuẩn nông thôn mới nâng cao", None, 5, "thôn", False),
    ("Năm 2025 có thêm 5 xã đạt chuẩn nông thôn mới nâng cao", None, 5, "xã", True),
    ("Hỗ trợ 15 bản đặc biệt khó khăn", None, 15, "thôn, bản", True),
    ("Tỷ lệ bao phủ: 3,5 điều dưỡng/vạn dân; 12 giường bệnh/vạn dân", "Số điều dưỡng trên vạn dân", 3.5, "điều dưỡng/vạn dân", True),
    ("Tỷ lệ bao phủ: 3,5 điều dưỡng/vạn dân; 12 giường bệnh/vạn dân", "Số điều dưỡng trên vạn dân", 12, "điều dưỡng/vạn dân", False),
    ("Trồng mới cây ăn quả: Lục Ngạn 400 ha; Lục Nam 250 ha, Sơn Động 120 ha", "Diện tích trồng mới huyện Lục Nam", 250, "ha", True),
    ("Trồng mới cây ăn quả: Lục Ngạn 400 ha; Lục Nam 250 ha, Sơn Động 120 ha", "Diện tích trồng mới huyện Lục Nam", 400, "ha", False),
    ("Có 12 trường đạt chuẩn mức độ 2, 30 trường đạt chuẩn mức độ 1", "Số trường đạt chuẩn mức độ 2", 12, "trường", True),
    ("Có 12 trường đạt chuẩn mức độ 2, 30 trường đạt chuẩn mức độ 1", "Số trường đạt chuẩn mức độ 2", 30, "trường", False),
    # a subject opening the first clause is every clause's: the target's clause is the later one
    ("Tỷ lệ thanh toán không dùng tiền mặt hiện đạt 40%, phấn đấu đến năm 2026 đạt 60%", "Tỷ lệ thanh toán không dùng tiền mặt", 60, "%", True),
    # a clause with no figure in the measure's unit is not the measure's
    ("Bồi thường cho 120 hộ dân, diện tích 35 ha", "Diện tích bồi thường cho hộ dân", 35, "ha", True),
    ("Bồi thường cho 120 hộ dân, diện tích 35 ha", "Diện tích bồi thường cho hộ dân", 50, "ha", False),
    ("Năm 2025 đón 1,5 triệu lượt khách du lịch", "Doanh thu du lịch", 1.5, "tỷ đồng", False),
])
def test_a_target_of_another_thing_or_indicator_is_a_mismatch(what, indicator, target, unit, agrees):
    v = wording.judge(what, None, target=target, unit=unit, year=2025, indicator=indicator)
    assert (v.quantity is None) == agrees, v


# real_blind5's family: "đạt, vượt X" and a rank ("trong nhóm 30/63", "xếp thứ 5") name the figure a target is
# set at, as "ít nhất" does; a strict "vượt" alone still asks for more than it
@pytest.mark.parametrize(("what", "target", "unit", "agrees"), [
    ("Vận động Quỹ Đền ơn đáp nghĩa đạt, vượt 500 triệu đồng", 500, "triệu đồng", True),
    ("Vận động Quỹ Đền ơn đáp nghĩa đạt, vượt 500 triệu đồng", 620, "triệu đồng", False),
    ("Thu ngân sách trên địa bàn đạt và vượt 1.200 tỷ đồng", 1300, "tỷ đồng", False),
    ("Thu ngân sách trên địa bàn vượt 1.200 tỷ đồng", 1300, "tỷ đồng", True),
    ("Phấn đấu chỉ số PAR INDEX của tỉnh trong nhóm 15/63 tỉnh, thành phố", 15, "hạng", True),
    ("Phấn đấu chỉ số PAR INDEX của tỉnh trong nhóm 15/63 tỉnh, thành phố", 10, "hạng", False),
    ("Chỉ số PCI của tỉnh xếp thứ 8 cả nước", 8, "hạng", True),
    ("Chỉ số PCI của tỉnh xếp thứ 8 cả nước", 20, "hạng", False),
])
def test_reach_or_exceed_and_a_rank_name_the_figure(what, target, unit, agrees):
    v = wording.judge(what, None, target=target, unit=unit, year=2025)
    assert (v.quantity is None) == agrees and not v.vague, v


# real_blind6's family: a figure glued to its unit of measure ("3.485ha", "12km", "500m2") is the same
# figure as "3.485 ha"; it is read, and a target off by a thousand disagrees with it
@pytest.mark.parametrize(("what", "target", "unit", "agrees"), [
    ("Khoanh nuôi tái sinh rừng từ 2.150ha trở lên", 2150, "ha", True),
    ("Khoanh nuôi tái sinh rừng từ 2.150ha trở lên", 2.15, "ha", False),
    ("Cứng hóa 12km đường giao thông nông thôn", 12, "km", True),
    ("Cứng hóa 12km đường giao thông nông thôn", 20, "km", False),
    ("Xây dựng 500m2 nhà văn hóa thôn", 500, "m2", True),
    ("Sản xuất 1.500tấn thóc giống", 15000, "tấn", False),
])
def test_a_figure_glued_to_its_unit_is_read(what, target, unit, agrees):
    v = wording.judge(what, None, target=target, unit=unit, year=2025)
    assert (v.quantity is None) == agrees and not v.vague, v


@pytest.mark.parametrize("what", ["Triển khai mạng 5G tại trung tâm huyện", "Nâng cấp Quốc lộ 1A đoạn qua xã",
                                  "Phòng, chống dịch Covid-19 trong trường học"])
def test_a_digit_before_letters_that_are_no_unit_stays_as_written(what):
    assert wording.written(what) == what


# real_blind6's family: the veto may lift only a wording that could name something; a year or a span of
# years names nothing, and a striving or a manner with no figure ("phấn đấu", "đúng quy định/quy trình",
# "mức cao nhất") is the vocabulary of a standing duty: the rules' "vague" stands
@pytest.mark.parametrize(("what", "may"), [
    ("Phấn đấu đến năm 2026 trở thành xã khá của huyện", False),
    ("Tổ chức lễ giao nhận quân năm 2025 đúng quy định, an toàn", False),
    ("Bảo đảm kỳ thi năm học 2024-2025 diễn ra theo đúng quy trình", False),
    ("Đạt mức cao nhất các chỉ tiêu kinh tế - xã hội năm 2025", False),
    ("Hoàn thành dự án giai đoạn 2021 - 2025", False),
    ("Khởi công Dự án cầu Bến Rừng trong năm 2025", True),  # a name stays a name beside a year
    ("Hoàn thiện hồ sơ 20 thủ tục hành chính năm 2025", True),  # a digit that is no year may name
])
def test_a_year_or_a_striving_gives_the_veto_nothing_to_lift(what, may):
    assert wording_model.may_lift(what) == may


# real_blind6's family: a month named without its year ("Đầu tháng 8 hoàn thành …") is the month of the
# task's year; a due date after it is a mismatch; a month followed by a figure is no month alone
@pytest.mark.parametrize(("what", "due", "agrees"), [
    ("Đầu tháng 7 hoàn thành giải phóng mặt bằng nút giao", dt.date(2025, 7, 31), True),
    ("Đầu tháng 7 hoàn thành giải phóng mặt bằng nút giao", dt.date(2025, 10, 31), False),
    ("Trong tháng 5 tổ chức Đại hội Đoàn cấp huyện", dt.date(2025, 5, 20), True),
    ("Cuối tháng 11 trình HĐND huyện Đề án sắp xếp thôn", dt.date(2025, 12, 31), False),
    ("Đến tháng 9/2025 hoàn thành bàn giao 12 ha mặt bằng", dt.date(2025, 12, 31), False),
])
def test_a_month_without_its_year_is_of_the_tasks_year(what, due, agrees):
    v = wording.judge(what, None, due=due, year=2025)
    assert (v.deadline is None) == agrees, v


# real_blind6's family: a body named first as the host of an event ("Ban Thường vụ Tỉnh ủy tổ chức Hội nghị
# …") is the doer; the event is read as without it, named or not
@pytest.mark.parametrize(("what", "named"), [
    ("Ban Thường vụ Huyện ủy tổ chức Hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW", True),
    ("Thường trực HĐND tỉnh tổ chức Hội nghị giao ban Thường trực HĐND các huyện quý III", True),
    ("UBND huyện tổ chức Hội nghị đối thoại với doanh nghiệp trên địa bàn huyện Yên Lạc", True),
    ("Ban Thường vụ Huyện ủy tổ chức các hội nghị", False),
    ("Ủy ban MTTQ xã tổ chức các hoạt động thiết thực", False),
])
def test_a_body_that_hosts_an_event_is_its_doer(what, named):
    assert wording.read(what, None).what.named == named


# real_blind6's family: in a change from one figure to another ("tăng từ X … lên Y", "giảm từ X xuống còn
# Y") X is where it starts: a target of X is a mismatch, Y agrees; "từ X trở lên" is a bound, X agrees
@pytest.mark.parametrize(("what", "target", "unit", "agrees"), [
    ("Nâng thu nhập bình quân từ 48 triệu đồng/người năm 2024 lên 53 triệu đồng/người năm 2025", 48, "triệu đồng", False),
    ("Nâng thu nhập bình quân từ 48 triệu đồng/người năm 2024 lên 53 triệu đồng/người năm 2025", 53, "triệu đồng", True),
    ("Giảm tỷ lệ hộ cận nghèo từ 6,4% xuống còn 4,9%", 6.4, "%", False),
    ("Giảm tỷ lệ hộ cận nghèo từ 6,4% xuống còn 4,9%", 4.9, "%", True),
    ("Nâng tỷ lệ che phủ rừng từ mức 41% lên 43%", 43, "%", True),
    ("Trồng cây phân tán từ 1.200 ha trở lên", 1200, "ha", True),
])
def test_the_start_of_a_change_is_not_its_target(what, target, unit, agrees):
    v = wording.judge(what, None, target=target, unit=unit, year=2025)
    assert (v.quantity is None) == agrees, v


# real_blind6's family: figures of two things joined by "và" are two clauses; the indicator says which
# one is the measure's, as it does for clauses joined by a comma or a semicolon
@pytest.mark.parametrize(("what", "indicator", "target", "agrees"), [
    ("Tuyển chọn 1.200 thanh niên vào Quân đội và 150 thanh niên vào Công an", "Số thanh niên vào Quân đội", 1200, True),
    ("Tuyển chọn 1.200 thanh niên vào Quân đội và 150 thanh niên vào Công an", "Số thanh niên vào Quân đội", 150, False),
    ("Tuyển chọn 1.200 thanh niên vào Quân đội và 150 thanh niên vào Công an", "Số thanh niên vào Công an", 150, True),
    ("Kết nạp 300 đoàn viên và 40 hội viên", "Số hội viên kết nạp", 40, True),  # another thing: read by its unit
])
def test_figures_joined_by_and_are_read_by_the_indicator(what, indicator, target, agrees):
    unit = "hội viên" if "hội viên" in indicator else "thanh niên"
    v = wording.judge(what, None, target=target, unit=unit, indicator=indicator, year=2025)
    assert (v.quantity is None) == agrees, v


def test_a_decrease_by_n_agrees_with_target_baseline_minus_n():
    """Issue 27: "Giảm 45 hộ nghèo" with baseline 210 and target 165 is no mismatch."""
    assert wording.judge("Giảm 45 hộ nghèo", None, target=165, unit="hộ", baseline=210, year=2022).quantity is None
    assert wording.judge("Kết nạp 20 đảng viên", None, target=120, unit="đảng viên", baseline=100, year=2022).quantity is None
    assert wording.judge("Giảm 45 hộ nghèo", None, target=160, unit="hộ", baseline=210, year=2022).quantity is not None


@pytest.mark.parametrize(("obj", "fits", "unfit"), [
    ("quản lý trật tự xây dựng", "giấy phép xây dựng", "vụ án"),
    ("giữ vững an ninh trật tự", "vụ án", "giấy phép"),
    ("xây dựng đảng", "đảng viên", "giấy phép"),
])
def test_the_hint_counts_fit_the_subject(obj, fits, unfit):
    """Issue 27: a hint for "quản lý trật tự xây dựng" proposes construction counts, not public-security ones."""
    from giaoviec.checks.suggest import countables
    from giaoviec.i18n import say, translator

    text = say(countables(obj), translator("vi"))
    assert fits in text and unfit not in text, text


def test_the_corpus_is_big_enough_and_has_the_hard_cases():
    everything = cases("tune") + cases("holdout")
    assert len(everything) >= 200
    assert len(cases("holdout")) >= 100
    by = {label: [c for c in everything if c.label == label] for label in ("vague", "clear", "mismatch")}
    assert min(len(v) for v in by.values()) >= 40
    # vague with digits that are not quantities; generic products with a year; clear after a vague verb
    assert sum(any(ch.isdigit() for ch in c.what) for c in by["vague"]) >= 15
    assert sum(bool(c.product) and "20" in c.product for c in by["vague"]) >= 3
    assert sum(wording.norm(c.what).startswith(wording.VAGUE_PHRASES) for c in by["clear"]) >= 10


@pytest.mark.parametrize(("text", "values"), [
    ("Giải quyết dứt điểm 12 vụ vi phạm đất đai", [12]),
    ("Cứng hóa 3,2 km đường giao thông", [3.2]),
    ("Trồng 1.500 cây xanh", [1500]),
    ("Tỷ lệ hộ dùng nước sạch đạt 85%", [85]),
    ("Thu ngân sách đạt 12,5 tỷ đồng", [12.5]),
    ("Thành lập hai chi bộ mới", [2]),
    ("Thực hiện Nghị quyết số 15-NQ/HU của Huyện ủy", []),
    ("Triển khai Kế hoạch 102-KH/UBND ngày 12/3/2022", []),
    ("Quán triệt Quy định 210-QĐ/HU nhiệm kỳ 2020 - 2025", []),
    ("Báo cáo quý III năm 2022", []),
    ("Sơ kết 9 tháng", []),
    ("Thực hiện 6 nhiệm vụ trọng tâm", []),
    ("Giải quyết 2022 hồ sơ tồn đọng", [2022]),
    ("Chi quà Tết Nguyên đán Ất Tỵ 2025 được kịp thời, đúng đối tượng", []),  # a year before a verb or a particle
    ("Cụ thể hóa 03 NQ của Tỉnh ủy về chuyển đổi số", []),  # a count of documents carried out, not produced
    ("Triển khai thực hiện 2 kết luận của Ban Thường vụ", []),
    ("Ban hành 02 nghị quyết chuyên đề về du lịch", [2]),  # … but one of documents produced is a count
    ("Tổ chức Hội chợ Xuân 2026 và Lễ hội hoa Đà Lạt", []),
    ("Quy hoạch vùng huyện thời kỳ 2021 - 2030, tầm nhìn đến 2050 theo quy định", []),
])
def test_quantities_and_digits_that_are_not(text, values):
    assert [q.value for q in wording.quantities(text)] == values


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Hoàn thành trước ngày 30/9/2022", dt.date(2022, 9, 30), dt.date(2022, 9, 30)),
    ("Bàn giao trong quý II/2022", dt.date(2022, 4, 1), dt.date(2022, 6, 30)),
    ("Hoàn thành trong quý IV", dt.date(2022, 10, 1), dt.date(2022, 12, 31)),
    ("Xong trong 6 tháng đầu năm", dt.date(2022, 1, 1), dt.date(2022, 6, 30)),
    ("Nghiệm thu trong tháng 9/2022", dt.date(2022, 9, 1), dt.date(2022, 9, 30)),
    ("Đo đạc xong trong năm 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
])
def test_deadlines(text, first, last):
    (d,) = wording.deadlines(text, 2022)
    assert (d.first, d.last) == (first, last)


def test_an_impossible_date_in_the_text_is_no_deadline():
    assert wording.deadlines("Hoàn thành trước ngày 31/2/2022", 2022) == []


def test_units_convert_before_they_disagree():
    found = wording.quantities("Nạo vét 3 km kênh tiêu")
    assert wording.quantity_mismatch(found, 3000, "m") is None
    assert wording.quantity_mismatch(found, 3, "ha") is not None  # a length against an area
    assert wording.quantity_mismatch(wording.quantities("Thu 15 tỷ đồng"), 15_000, "triệu đồng") is None
    assert wording.quantity_mismatch(wording.quantities("Kết nạp 20 đảng viên"), 15, "đảng viên") is not None
    assert wording.quantity_mismatch(wording.quantities("Giải quyết việc làm cho 250 lao động"), 250, "người") is None


def shape_verdict(example: str) -> wording.Verdict:
    fields = YAML(typ="safe").load(example)
    measure = fields.get("measure") or {}
    due = fields.get("due")  # a date or its text, whichever the YAML loader in use resolves it to
    due = dt.date.fromisoformat(str(due)) if due is not None else None
    return wording.judge(str(fields["what"]), fields.get("product"), target=measure.get("target"), unit=measure.get("unit"),
                         due=due, year=2022, baseline=measure.get("baseline"), indicator=measure.get("indicator"))


def flagged(v: wording.Verdict, code: str) -> bool:
    return v.vague if code == "clarity.what" else bool(v.quantity or v.deadline)


@pytest.mark.parametrize("code", ["clarity.what", "clarity.mismatch"])
def test_each_shape_rules_shows_passes_and_fails_as_it_says(code):
    c = BY_CODE[code]
    assert len(c.shapes) >= 2
    for _shape, good, bad in [("", c.good, c.bad), *c.shapes]:
        assert not flagged(shape_verdict(good), code), good
        assert flagged(shape_verdict(bad), code), bad


def test_rules_prints_the_shapes(cli):
    run = cli("rules")
    assert "sản phẩm chỉ là tên một loại văn bản" in run.out and "Báo cáo năm 2022" in run.out
    assert "Triệu tập cán bộ chủ chốt các xã dự Hội nghị" in run.out and "trước ngày 20-10-2022" in run.out


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=200)),
       st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15)),
       st.one_of(st.none(), st.text(max_size=20)), st.one_of(st.none(), st.dates()))
def test_the_analyser_takes_any_text(what, product, target, unit, due):
    v = wording.judge(what, product, target=target, unit=unit, due=due, year=2022)
    assert v == wording.judge(what, product, target=target, unit=unit, due=due, year=2022)


def three(tmp_path, config: str = ""):
    root = build_repo(tmp_path, DATA / "invalid" / "clarity-what-shapes")
    if config:
        with open(root / "giaoviec.yaml", "a", encoding="utf-8") as handle:
            handle.write(config)
    return root


def test_the_issue_wordings_warn_with_a_hint_and_strict_makes_them_errors(cli, tmp_path):
    root = three(tmp_path)
    run = cli("-C", str(root), "validate", "--format", "json")
    found = run.json()["diagnostics"]
    assert run.code == 0 and [d["code"] for d in found] == ["clarity.what"] * 3
    assert "tỷ lệ hồ sơ" not in found[0]["hint"] and "nước sạch" in found[0]["hint"]
    assert "bán hàng trực tuyến" in found[1]["hint"]
    assert "15-NQ/HU" in found[2]["message"] and "số hiệu văn bản" in found[2]["message"]
    assert cli("-C", str(root), "validate", "--strict").code == 1


EXTRA_TASK = """\
  - id: "07"
    what: Rà soát tài liệu lưu trữ
    when: {due: 2022-09-30}
    result: {product: Bản thu hoạch lưu trữ}
    responsibility: {accountable: can-bo-a}
    weight: 2
"""


def test_config_adds_to_the_built_in_lists(cli, tmp_path):
    root = three(tmp_path)
    path = root / "assignments/2022/xa-a/can-bo-a.yaml"
    path.write_text(path.read_text(encoding="utf-8") + EXTRA_TASK, encoding="utf-8")
    lines = lambda: [d["line"] for d in cli("-C", str(root), "validate", "--format", "json").json()["diagnostics"]]  # noqa: E731
    assert lines() == [12, 18, 24]  # "Bản thu hoạch lưu trữ" reads as a named result
    with open(root / "giaoviec.yaml", "a", encoding="utf-8") as handle:
        handle.write("generic_products: [bản thu hoạch]\n")
    assert lines() == [12, 18, 24, 48]  # the built-in kinds still hold, and the local one now too


def test_config_replaces_only_when_it_says_so(cli, tmp_path):
    root = three(tmp_path, "vague_phrases: [phấn đấu]\nvague_phrases_replace: true\ngeneric_products: [báo cáo]\ngeneric_products_replace: true\n")
    run = cli("-C", str(root), "validate", "--format", "json")
    # a verdict rests on quantities and named results, not on the verbs: the three stay vague; the
    # replaced phrases no longer shorten the object the hint names
    found = run.json()["diagnostics"]
    assert [d["line"] for d in found] == [12, 18, 24]
    assert "'Tăng cường công tác quản lý tài nguyên nước'" in found[0]["hint"]


def test_commands_that_show_no_warning_skip_the_wording_analyser_and_write_the_same(cli, monkeypatch):
    """score, stats, report and export show errors, never warnings: they skip the wording analyser
    (warnings only, a tenth of the pass). Their outputs are byte for byte those with it run."""
    import datetime as dt

    from conftest import EXAMPLES
    from giaoviec.app import checking as checking_module
    from giaoviec.app.checking import Checking

    vp = EXAMPLES / "vinh-phuc"
    codes = lambda c: [d.code for d in c.diagnostics]  # noqa: E731
    whole = Checking(vp, dt.date(2026, 12, 2)).finish()
    quick = Checking(vp, dt.date(2026, 12, 2), wording=False).finish()
    assert {"clarity.what", "clarity.mismatch"} <= set(codes(whole))  # the example has wording warnings
    assert codes(quick) == [c for c in codes(whole) if c not in ("clarity.what", "clarity.mismatch")]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    commands = [("score", "2022", "--format", "json"), ("score", "2022"), ("stats", "--year", "2022"),
                ("report", "--unit", "vinh-phuc", "--year", "2022"), ("export", "--year", "2022", "--format", "csv")]
    from giaoviec.checks import clarity

    read: list[str] = []
    analyser = clarity._wording
    monkeypatch.setattr(clarity, "_wording", lambda doc, *a: read.append(doc.path) or analyser(doc, *a))
    skipped = [cli("-C", str(vp), *c) for c in commands]
    assert read == []
    real = Checking.__init__
    monkeypatch.setattr(checking_module.Checking, "__init__", lambda self, *a, **k: real(self, *a, **{**k, "wording": True}))
    run = [cli("-C", str(vp), *c) for c in commands]
    assert read  # with it forced on, it ran
    for a, b in zip(skipped, run, strict=True):
        assert a.code == b.code and a.out == b.out and a.out


# real_blind7's family: a number word inside a proper name ("bản sắc Ba Chẽ", "huyện Ba Vì", "quận Hai Bà
# Trưng") counts nothing, nor does the name of the national programme "mỗi xã một sản phẩm"; a number word
# that opens the task or stands before a common noun still counts
@pytest.mark.parametrize(("what", "counted"), [
    ("Phát triển du lịch cộng đồng gắn với bản sắc văn hóa huyện Ba Vì", []),
    ("Cải tạo vỉa hè các tuyến phố quận Hai Bà Trưng", []),
    ("Hỗ trợ ngư dân huyện Năm Căn chuyển đổi nghề", []),
    ("Nhân rộng mô hình mỗi xã một sản phẩm ở các thôn vùng cao", []),
    ("Tham gia Chương trình mỗi xã 1 sản phẩm của tỉnh", []),
    ("Ba xã đạt chuẩn nông thôn mới nâng cao", [3.0]),
    ("Xây dựng hai trường mầm non ở huyện Năm Căn", [2.0]),
    ("Mỗi xã có 2 sản phẩm được công nhận OCOP", [2.0]),
])
def test_a_number_word_in_a_name_or_a_programme_counts_nothing(what, counted):
    assert [q.value for q in wording.quantities(what)] == counted


# real_blind7's family (the model's second, narrow, word): a named result the rules read in a wording
# written in the spec's standing-duty words may be overruled when the model is very confident it is
# vague; never without those words, never over a figure or a product that names a result of its own
_FAKE = {"bias": -2.0, "weights": {"u:hội": 5.0}, "threshold": 0.5, "reverse": 0.8}


@pytest.mark.parametrize(("what", "reverses"), [
    ("Tập trung chỉ đạo tuyên truyền về Đại hội Hội Nông dân tỉnh", True),
    ("Tổ chức Đại hội Hội Nông dân tỉnh lần thứ X", False),  # no standing-duty word
    ("Tập trung hoàn thành kế hoạch năm", False),  # the model is not confident
    # a duty's words only inside the title it carries out are not the task's own
    ("Tổ chức Hội nghị quán triệt Nghị quyết về tiếp tục đẩy mạnh cải cách hành chính", False),
])
def test_the_model_overrules_a_named_result_only_over_duty_words(what, reverses):
    assert wording_model.reverses(what, _FAKE) == reverses
    assert not wording_model.reverses(what, {**_FAKE, "reverse": None})  # a model without the second word


def test_an_overruled_named_result_is_warned_with_its_duty_words(monkeypatch):
    what = "Tập trung xây dựng Kế hoạch tổ chức Lễ hội Vải thiều Lục Ngạn"
    monkeypatch.setattr(wording, "reverses", lambda what: False)
    assert not wording.judge(what, None, year=2025).vague  # the rules: a named result
    monkeypatch.setattr(wording, "reverses", lambda what: True)
    v = wording.judge(what, None, year=2025)
    assert v.vague and v.reading is not None and "tập trung" in v.reading.vague_words
    assert not wording.judge(what, "Kế hoạch số 12-KH/UBND về tổ chức Lễ hội Vải thiều", year=2025).vague
    assert wording.judge(what, what, year=2025).vague  # a product that repeats the task's words names nothing more
    assert not wording.judge("Tập trung xây dựng 20 nhà văn hóa thôn theo Kế hoạch của huyện", None, year=2025).vague


# real_blind7's family: a multiplier before a count ("4 triệu lượt khách", "12 nghìn tấn") is part of the
# figure, in the wording and in the measure's unit; against a unit of the tables the figure as written is
# compared ("3,2 triệu lượt khách" is no 3,2 tỷ đồng)
@pytest.mark.parametrize(("what", "target", "unit", "agrees"), [
    ("Thu hút 2,5 triệu lượt khách đến tham quan", 2_500_000, "lượt", True),
    ("Thu hút 2,5 triệu lượt khách đến tham quan", 2.5, "triệu lượt", True),
    ("Thu hút 2,5 triệu lượt khách đến tham quan", 2.5, "lượt", False),
    ("Thu hút 2,5 triệu lượt khách đến tham quan", 2.5, "tỷ đồng", False),
    ("Sản lượng lúa đạt 12 nghìn tấn", 12_000, "tấn", True),
])
def test_a_multiplier_before_a_count_is_part_of_the_figure(what, target, unit, agrees):
    assert (wording.judge(what, None, target=target, unit=unit, year=2025).quantity is None) == agrees


# real_blind7's family: the figures after "trong đó" are parts of the one before; they are the measure's
# only when its indicator names what sets the part apart
@pytest.mark.parametrize(("what", "indicator", "target", "unit", "agrees"), [
    ("Xây mới 40 phòng học, trong đó 12 phòng học mầm non", "Số phòng học xây mới", 40, "phòng", True),
    ("Xây mới 40 phòng học, trong đó 12 phòng học mầm non", "Số phòng học xây mới", 12, "phòng", False),
    ("Xây mới 40 phòng học, trong đó 12 phòng học mầm non", "Số phòng học mầm non xây mới", 12, "phòng", True),
    ("Đón 900.000 lượt khách (trong đó 50.000 lượt khách nước ngoài) trong năm", "Lượt khách", 50_000, "lượt", False),
    ("Đón 900.000 lượt khách (trong đó 50.000 lượt khách nước ngoài) trong năm", "Lượt khách nước ngoài", 50_000, "lượt", True),
])
def test_a_part_after_trong_do_is_the_measure_only_when_its_indicator_says_so(what, indicator, target, unit, agrees):
    v = wording.judge(what, None, target=target, unit=unit, indicator=indicator, year=2025)
    assert (v.quantity is None) == agrees, v


# real_blind7's family: "X/Y <noun>" counts X of Y ("3/4 trường học đạt chuẩn"): the figure is X
@pytest.mark.parametrize(("what", "target", "agrees"), [
    ("Có 5/7 trường tiểu học đạt chuẩn quốc gia mức độ 2", 5, True),
    ("Có 5/7 trường tiểu học đạt chuẩn quốc gia mức độ 2", 7, False),
    ("Phấn đấu 120/150 hộ nghèo thoát nghèo", 120, True),
])
def test_a_count_of_a_total_is_its_first_figure(what, target, agrees):
    unit = "hộ" if "hộ" in what else "trường"
    assert (wording.judge(what, None, target=target, unit=unit, year=2025).quantity is None) == agrees


@pytest.fixture
def rules_alone(monkeypatch):
    """The rules' own verdict: the learnt model neither lifts nor keeps a warning (a family is a rule's)."""
    monkeypatch.setattr(wording, "vetoes", lambda what: False)
    monkeypatch.setattr(wording, "reverses", lambda what: False)


# real_blind7's family: the unit's own standard reached needs no place said ("Đạt chuẩn nông thôn mới nâng
# cao vào năm 2025"), and a time said before the state is no object of it ("Phấn đấu đến cuối nhiệm kỳ đạt
# chuẩn xã nông thôn mới"); a hedge or another standard still names nothing
@pytest.mark.parametrize(("what", "vague"), [
    ("Đạt chuẩn nông thôn mới kiểu mẫu vào cuối năm 2026", False),
    ("Phấn đấu đến cuối nhiệm kỳ đạt chuẩn xã nông thôn mới kiểu mẫu", False),
    ("Phấn đấu trong năm 2026 đạt chuẩn đô thị văn minh", False),
    ("Phấn đấu đến cuối nhiệm kỳ cơ bản đạt chuẩn xã nông thôn mới kiểu mẫu", True),
    ("Đạt chuẩn về vệ sinh môi trường", True),
])
def test_the_units_own_standard_is_a_named_end_state(what, vague, rules_alone):
    assert wording.judge(what, None, year=2025).vague == vague


# real_blind7's tuning, the veto's guard: a body that does the task or is addressed ("Ban Thường vụ Huyện
# ủy", "UBND tỉnh", "Công an huyện") is a name, but not of a result: it gives the veto nothing to lift
@pytest.mark.parametrize(("what", "may"), [
    ("Trình Ban Thường vụ Huyện ủy cho ý kiến một số báo cáo trước kỳ họp", False),
    ("Công an huyện và Ban Chỉ huy quân sự huyện xây dựng kế hoạch bảo đảm an ninh", False),
    ("Kiện toàn các Ban chỉ đạo của huyện theo quy định", False),
    ("Sở Y tế trình UBND tỉnh Đề án phát triển y tế cơ sở", True),  # a document's title stays a name
    ("UBND huyện khởi công cầu Bến Rừng", True),
])
def test_a_body_gives_the_veto_nothing_to_lift(what, may):
    assert wording_model.may_lift(what) == may


# real_blind7's family: an indicator's year before its figure ("Thu nhập bình quân đầu người đến năm 2030 đạt
# 135 triệu đồng") and an occasion's day ("khởi công … dịp 2/9") are deadlines; a horizon after a noun
# ("Quy hoạch tỉnh đến năm 2030 được phê duyệt", "tầm nhìn đến năm 2050") and "đến năm 2025 trên địa bàn" are not
@pytest.mark.parametrize(("what", "due", "agrees"), [
    ("Tỷ lệ hộ nghèo đến năm 2027 còn dưới 1,5%", dt.date(2027, 12, 31), True),
    ("Tỷ lệ hộ nghèo đến năm 2027 còn dưới 1,5%", dt.date(2025, 12, 31), False),
    ("Tỷ lệ che phủ rừng đến năm 2028 đạt 46%", dt.date(2026, 12, 31), False),
    ("Khánh thành cầu Bến Rừng dịp 30/4", dt.date(2025, 4, 30), True),
    ("Khánh thành cầu Bến Rừng dịp 30/4", dt.date(2025, 12, 31), False),
    ("Trình Quy hoạch chung đô thị Hòa Lạc đến năm 2040 được phê duyệt", dt.date(2025, 12, 31), True),
    ("Tỷ lệ che phủ rừng, tầm nhìn đến năm 2030 đạt 46%", dt.date(2025, 12, 31), True),
    ("Triển khai Chiến lược định hướng đến năm 2030 trên địa bàn huyện", dt.date(2025, 12, 31), True),
])
def test_an_indicators_year_and_an_occasions_day_are_deadlines(what, due, agrees):
    v = wording.judge(what, None, due=due, year=2025)
    assert (v.deadline is None) == agrees, v


# real_blind9's family: a range written with the percentage on both ends ("12%-14%", "5 % - 6 %") is one range,
# read as "12-14%": a target inside it agrees; one outside does not
@pytest.mark.parametrize(("what", "target", "agrees"), [
    ("Tổng thu ngân sách tăng 12%-14% so với năm trước", 13, True),
    ("Tổng thu ngân sách tăng 12%-14% so với năm trước", 12, True),
    ("Tổng thu ngân sách tăng 12%-14% so với năm trước", 16, False),
    ("Tỷ lệ hộ dùng nước sạch tăng 5 % - 6 %", 5.5, True),
    ("Tỷ lệ hộ dùng nước sạch tăng 5%, 60 hộ được hỗ trợ", 5.5, False),
])
def test_a_range_with_the_percentage_on_both_ends_is_one_range(what, target, agrees):
    v = wording.judge(what, None, target=target, unit="%", year=2025)
    assert (v.quantity is None) == agrees, v


# real_blind8's family: a working session with a body is named by the document or event it is about ("Làm việc
# với Sở Nội vụ để cho ý kiến vào dự thảo Quy chế …", "… về chuẩn bị nội dung Hội nghị … lần thứ 5"); about a duty,
# a bare kind or a situation it names nothing
@pytest.mark.parametrize(("what", "vague"), [
    ("Thường trực Huyện ủy làm việc với Sở Nội vụ để cho ý kiến vào dự thảo Quy chế phối hợp giữa Huyện ủy và UBND huyện", False),
    ("Tổ chức làm việc với Đảng ủy Khối cơ quan về chuẩn bị nội dung Hội nghị Ban Chấp hành lần thứ 5", False),
    ("Làm việc với UBND huyện về Đề án sáp nhập thôn Đông và thôn Đoài", False),
    ("Làm việc với các xã về công tác tuyên truyền", True),
    ("Làm việc với các phòng, ban về kế hoạch", True),
    ("Tổ chức làm việc với các ngành về tình hình thực hiện nhiệm vụ", True),
])
def test_a_working_session_is_named_by_what_it_is_about(what, vague, rules_alone):
    assert wording.judge(what, None, year=2025).vague == vague


# real_blind8's family: a committee agreeing to do something ("Thống nhất thành lập …", "Nhất trí chủ trương khởi
# công …") is read as doing it: the result named after the agreement counts; an agreement on a duty names nothing
@pytest.mark.parametrize(("what", "vague"), [
    ("Thống nhất thành lập Tổ công tác đặc biệt về giải phóng mặt bằng dự án Vành đai 4", False),
    ("Nhất trí chủ trương khởi công cầu Bến Rừng", False),
    ("Đồng ý tổ chức Hội nghị sơ kết 5 năm thực hiện Nghị quyết 05-NQ/TU", False),
    ("Thống nhất nhận thức và hành động trong toàn Đảng bộ", True),
    ("Thống nhất chủ trương tăng cường công tác phối hợp", True),
])
def test_agreeing_to_do_it_is_doing_it(what, vague, rules_alone):
    assert wording.judge(what, None, year=2025).vague == vague


# real_blind9's family: the items a programme lists ("12 phần việc đề ra trong Chương trình hành động") are counted
# like its tasks ("6 nhiệm vụ trọng tâm"): no quantity of a result; a real count beside them still is one
@pytest.mark.parametrize(("what", "counted"), [
    ("Quán triệt sâu sắc 12 phần việc đề ra trong Chương trình hành động của Huyện ủy", False),
    ("Thực hiện tốt 5 phần việc trọng tâm của năm", False),
    ("Thực hiện 5 phần việc trọng tâm, trong đó xây mới 3 nhà văn hóa thôn", True),
    # real_blind10/11's (w/clarity6): a resolution's pillars, spearheads, key programmes and a guide's points
    ("Tập trung thực hiện 4 trụ cột phát triển của huyện", False),
    ("Đẩy mạnh 3 mũi nhọn kinh tế của tỉnh", False),
    ("Cụ thể hóa 6 chương trình trọng điểm của nhiệm kỳ", False),
    ("Tuyên truyền 10 nội dung theo Hướng dẫn của Ban Tuyên giáo", False),
    ("Cụ thể hóa 6 chương trình trọng điểm, trong đó khởi công 2 cầu dân sinh", True),
])
def test_the_items_a_programme_lists_are_no_quantity(what, counted):
    assert bool(wording.quantities(what)) == counted


# real_blind8's family: dissolving or merging a named body or unit ("Giải thể Chi bộ …", "Hợp nhất Trường …") is an
# end state of a named object, as "sáp nhập" is; of an unnamed plural or of resources it names nothing
@pytest.mark.parametrize(("what", "vague"), [
    ("Giải thể Chi bộ Hợp tác xã Thành Công", False),
    ("Hợp nhất Trường Mầm non Hoa Sen và Trường Mầm non Họa Mi", False),
    ("Thực hiện Đề án sắp xếp thôn và tiến hành giải thể Chi bộ Công ty May Đông Anh", False),
    ("Hợp nhất các nguồn lực", True),
    ("Giải thể các tổ chức hoạt động không hiệu quả", True),
])
def test_dissolving_or_merging_a_named_body_is_an_end_state(what, vague, rules_alone):
    assert wording.judge(what, None, year=2025).vague == vague


# real_blind6/8's family: finishing a named work or document ("Hoàn thiện đường Vành đai …", "Hoàn thiện Trung tâm
# dữ liệu tỉnh") is an end state of a named object, as "hoàn thành" is; perfecting a system or an unnamed plural is not
@pytest.mark.parametrize(("what", "vague"), [
    ("Hoàn thiện Nhà văn hóa thôn Đông", False),
    ("Hoàn thiện cầu Bến Rừng trước mùa mưa", False),
    ("Khẩn trương hoàn thiện kịch bản Lễ hội Đền Hùng lần thứ 3", False),
    ("Hoàn thiện hệ thống pháp luật về đất đai", True),
    ("Từng bước hoàn thiện các thiết chế văn hóa cơ sở", True),
])
def test_finishing_a_named_work_is_an_end_state(what, vague, rules_alone):
    assert wording.judge(what, None, year=2025).vague == vague


# real_blind9's family: opening a named road or bridge to traffic ("Thông tuyến đường …", "Thông xe cầu …") is an end
# state of a named work, as "khánh thành" is; of unnamed plural roads it names nothing
@pytest.mark.parametrize(("what", "vague"), [
    ("Quyết tâm thông tuyến đường Lê Lợi kéo dài trong năm 2026", False),
    ("Thông xe cầu Bến Rừng dịp 2/9", False),
    ("Thông tuyến các tuyến đường giao thông nông thôn", True),
])
def test_opening_a_named_road_is_an_end_state(what, vague, rules_alone):
    assert wording.judge(what, None, year=2025).vague == vague


# real_blind4's family: a meeting's agenda ("Nghe báo cáo …", "Xem xét thông qua Nghị quyết …", "Thảo luận, đóng góp ý
# kiến vào kế hoạch …") is read by the document it hears or reviews; a bare report or a duty still names nothing
@pytest.mark.parametrize(("what", "vague"), [
    ("Nghe báo cáo dự thảo phương án bồi thường giải phóng mặt bằng cụm công nghiệp Đồng Văn", False),
    ("Xem xét thông qua Nghị quyết về bảng giá đất năm 2026 của tỉnh", False),
    ("Thảo luận, đóng góp ý kiến vào dự thảo Quy chế làm việc của Huyện ủy khóa mới", False),
    ("Nghe báo cáo kết quả thực hiện nhiệm vụ", True),
    ("Họp bàn các giải pháp thực hiện nhiệm vụ", True),
    ("Xem xét, giải quyết kịp thời các kiến nghị", True),
])
def test_a_meetings_agenda_is_read_by_the_document_it_reviews(what, vague, rules_alone):
    assert wording.judge(what, None, year=2025).vague == vague


# real_blind4/10's family: the task is the event itself, named, with no verb before it: a congress by its body ("Đại hội
# Đảng bộ xã … trước ngày 20/3"), any held event by its number ("Lễ hội … lần thứ 5"); not a standing campaign, nor an
# event that a duty is said of, nor "các cấp", nor a meeting named only by the body that holds it
@pytest.mark.parametrize(("what", "vague"), [
    ("Đại hội Chi bộ thôn Phú Lộc dự kiến tổ chức trong tháng 4", False),
    ("Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12 trước ngày 15/7", False),
    ("Đại hội Chi bộ thôn Phú Lộc phải quán triệt tinh thần đổi mới", True),
    ("Đại hội Hội Nông dân các cấp", True),
    ("Hội nghị định kỳ của Ban Chấp hành", True),  # a body holds many meetings: its name is no event's
    ("Cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam", True),
])
def test_a_named_event_is_the_task_without_a_verb(what, vague, rules_alone):
    assert wording.judge(what, None, year=2025).vague == vague


# real_blind11's family (and real_tune2's "không còn hộ nghèo … 97%"): none left of a countable thing is a figure, zero;
# leaving the unit's own poverty status is the unit's own end state, as "đạt chuẩn nông thôn mới" is; none left of a
# state, or a duty over poverty, names nothing
@pytest.mark.parametrize(("what", "vague"), [
    ("Đến hết năm 2026 trên địa bàn xã không còn nhà tạm", False),
    ("Phấn đấu cuối nhiệm kỳ không còn hộ nghèo", False),
    ("Thoát khỏi tình trạng xã đặc biệt khó khăn trong năm 2027", False),
    ("Tuyên truyền để không còn tình trạng tảo hôn", True),
    ("Tăng cường công tác giảm nghèo bền vững", True),
])
def test_none_left_and_the_units_own_poverty_status_are_end_states(what, vague, rules_alone):
    assert wording.judge(what, None, year=2025).vague == vague


# real_blind10's family: the year the task is for ("Năm 2026, …") and a named place as its subject, before a standing
# duty's or a drafting verb, are read past like the whole unit as subject ("Toàn tỉnh …"): the document it drafts
# names the result; a duty over an abstract object still names nothing; a place reaching a state is its object
@pytest.mark.parametrize(("what", "vague"), [
    ("Năm 2026, huyện Đông Anh tiếp tục xây dựng Đề án phát triển du lịch sinh thái ven sông Đuống", False),
    ("TP. Vĩnh Yên ban hành Kế hoạch chỉnh trang đô thị hai bên đường Nguyễn Tất Thành", False),
    ("Năm 2026, huyện Đông Anh tiếp tục nâng cao chất lượng công tác cải cách hành chính", True),
    ("Xã Tam Hồng đạt chuẩn nông thôn mới kiểu mẫu", False),
])
def test_the_year_and_a_named_place_before_the_verb_are_read_past(what, vague, rules_alone):
    assert wording.judge(what, None, year=2025).vague == vague


# the veto over a striving (w/clarity6): a dated wording whose only duty word is "phấn đấu" (not in the spec's list) may
# be lifted, named or not, only where the model is very confident (below "strive"); any other duty word keeps it warned
_STRIVE = {"bias": -3.0, "weights": {"u:khá": 5.0}, "threshold": 0.5, "reverse": 0.8, "strive": 0.15}


@pytest.mark.parametrize(("what", "lifts"), [
    ("Phấn đấu đến năm 2027 trên địa bàn xã hết nhà tạm", True),
    ("Phấn đấu đến năm 2027 trở thành huyện khá", False),  # the model is not confident
    ("Phấn đấu nâng cao chất lượng giáo dục", False),  # a duty word of the spec's list
    ("Phấn đấu xây dựng nông thôn mới kiểu mẫu", False),  # no date: nothing tells when it is reached
])
def test_the_veto_lifts_a_striving_only_when_very_confident(what, lifts):
    assert wording_model.vetoes(what, _STRIVE) == lifts
    assert not wording_model.vetoes(what, {k: v for k, v in _STRIVE.items() if k != "strive"})


# real_blind11's family: a measure's unit that lists its kinds ("thôn, làng") is one unit: the comma of "20 thôn, làng"
# in the wording ends no clause, so the figure of another thing later ("thuộc 3 huyện") is not taken for the measure's
@pytest.mark.parametrize(("target", "agrees"), [(12, True), (3, False), (15, False)])
def test_a_unit_that_lists_its_kinds_is_one_unit(target, agrees):
    what = "Đến năm 2027 có 12 thôn, bản đạt chuẩn nông thôn mới thuộc 3 xã Mường Lói, Pu Nhi và Na Son"
    v = wording.judge(what, None, target=target, unit="thôn, bản", indicator="Số thôn, bản đạt chuẩn nông thôn mới",
                      due=dt.date(2027, 12, 31), year=2027)
    assert (v.quantity is None) == agrees
