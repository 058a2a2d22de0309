"""The `slots` grader: each fact a case's notes state is looked for where a reviewer expects it in
the drafted press release, and every miss is named in plain words. Also: a dataset's `expect:`
mapping is read into typed expectations, and a bad one is one line naming the case."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import REPO, assert_one_line_error, run_prfaq

from assistant.draft.models import PressRelease
from assistant.errors import InputError
from assistant.evaluation.graders import TaskOutput, grade_case, grade_slots
from assistant.evaluation.models import Case, DraftExpectations, SuiteSpec
from assistant.evaluation.suites import load_suite, load_suite_spec

SUITE = SuiteSpec(name="draft", task="draft", datasets=[], graders=["slots"])
SLOTS_DATASET = REPO / "evals" / "datasets" / "draft-slots.yaml"

PLACED = PressRelease(
    headline="Kilnlog shows which kiln shelves crack your pots",
    subheading="For pottery studio owners who rent kiln space to members.",
    dateline="Stoke-on-Trent — 5 July 2027 —",
    summary="Studio Tools introduces Kilnlog for studio owners. It logs each firing's temperature curve.",
    problem="In pottery studios, 1 in 3 kiln firings has at least one cracked piece.",
    solution="Kilnlog reads a probe in the kiln and marks the shelf positions that crack.",
    leader_quote="“[TBD: why we built this]” — [TBD: leader's name and title]",
    getting_started="To get started, clip the probe to the kiln door.",
    customer_quote="“I’d stop losing a quarter of every firing,” said Ana Ruiz, studio owner.",
    call_to_action="Kilnlog launches in Stoke-on-Trent on 5 July 2027. It costs £12 a month per kiln, or £1,200 "
                   "for ten kilns a year.",
)
KILNS = DraftExpectations(name="Kilnlog", city="Stoke-on-Trent", date="5 July 2027",
                          customer=["studio owners", "pottery studios"], problem=["1 in 3"],
                          not_in_problem=["£12"], price="£12", quote="I'd stop losing a quarter", quote_by="Ana Ruiz")


def grade(release: PressRelease, expect: DraftExpectations | None):
    return grade_slots(Case(id="kilns", text="notes", expect=expect), TaskOutput(press_release=release), SUITE)


def test_a_release_with_every_fact_in_its_place_meets_every_expectation():
    result = grade(PLACED, KILNS)
    # name twice (headline, summary), city, date, customer, problem, not_in_problem, quote, speaker, price
    assert (result.value, result.passed, result.detail) == (1.0, True, "10/10 in place")


def test_a_missed_city_is_named_with_what_the_dateline_says():
    release = PLACED.model_copy(update={"dateline": "[TBD: city] — 5 July 2027 —"})
    result = grade(release, KILNS)
    assert result.value == pytest.approx(9 / 10) and result.passed is False
    assert result.detail == ("9/10 in place; dateline: wanted city 'Stoke-on-Trent', "
                             "got '[TBD: city] — 5 July 2027 —'")


def test_the_city_must_be_the_datelines_city_not_a_word_after_it():
    release = PLACED.model_copy(update={"dateline": "[TBD: city] — 5 July 2027 — Stoke-on-Trent"})
    assert "dateline: wanted city" in grade(release, KILNS).detail


def test_a_fact_in_the_wrong_section_misses_twice_and_each_miss_is_named():
    # The price put in The problem, and The problem's figure nowhere in it.
    release = PLACED.model_copy(update={"problem": "Studios pay £12 a month for kiln software that shows nothing."})
    result = grade(release, KILNS)
    assert result.value == pytest.approx(8 / 10)
    assert "problem: wanted '1 in 3', got 'Studios pay £12" in result.detail
    assert "problem: '£12' does not belong there" in result.detail


def test_a_name_that_does_not_open_the_headline_is_a_miss():
    release = PLACED.model_copy(update={"headline": "Fwd for £250 per bay per month",
                                        "summary": "[TBD: company name] introduces Fwd."})
    result = grade(release, KILNS)
    assert result.value == pytest.approx(8 / 10)
    assert "headline: wanted it to open with the name 'Kilnlog', got 'Fwd for £250 per bay per month'" in result.detail
    assert "summary: wanted the name 'Kilnlog'" in result.detail


def test_no_name_and_no_city_in_the_notes_want_the_placeholders_kept():
    expect = DraftExpectations.model_validate({"name": None, "city": None, "region": "UK"})
    assert expect.no_name and expect.city_gap
    honest = PLACED.model_copy(update={"headline": "[TBD: product name] for studio owners",
                                       "dateline": "[TBD: city] — 5 July 2027 —",
                                       "call_to_action": "It launches in the UK on 5 July 2027."})
    assert grade(honest, expect).value == 1.0
    # An invented name, and the country put where the city goes.
    guessed = honest.model_copy(update={"headline": "Fwd for studio owners", "dateline": "UK — 5 July 2027 —"})
    result = grade(guessed, expect)
    assert result.value == pytest.approx(1 / 3)
    assert "headline: the notes give no name, wanted a '[TBD: product name]' gap, got 'Fwd for studio owners'" \
        in result.detail
    assert "dateline: the notes name no city, wanted a '[TBD: city]' gap, got 'UK — 5 July 2027 —'" in result.detail


def test_any_listed_wording_counts_and_case_dashes_quotes_and_separators_do_not_matter():
    expect = DraftExpectations(date=["Jan 2027", "January 2027"], price="£1200", quote="I’D STOP losing")
    release = PLACED.model_copy(update={"dateline": "Leeds – January 2027 –"})
    assert grade(release, expect).value == 1.0


def test_phrases_match_as_whole_words():
    expect = DraftExpectations(problem=["1 in 3"], not_in_problem=["£1"])
    release = PLACED.model_copy(update={"problem": "1 in 30 firings cracks; a probe costs £15."})
    result = grade(release, expect)
    assert result.value == 0.5  # '1 in 3' is not in '1 in 30'; '£1' is not in '£15'
    assert "problem: wanted '1 in 3'" in result.detail and "does not belong" not in result.detail


def test_a_case_without_expectations_is_skipped_not_scored():
    result = grade(PLACED, None)
    assert result.value is None and result.skipped and "no `expect`" in result.detail
    scored = grade_case(Case(id="x", text="notes"), TaskOutput(press_release=PLACED), SUITE)
    assert scored[0].value is None


def test_a_case_with_expectations_but_no_draft_is_skipped_with_the_reason():
    result = grade_slots(Case(id="x", text="n", expect=KILNS), TaskOutput(skip_reason="the draft failed"), SUITE)
    assert result.value is None and result.detail == "the draft failed"


# -- the dataset's `expect:` ------------------------------------------------------------------------
def _suite_with(tmp_path: Path, cases: list[dict]) -> Path:
    dataset = tmp_path / "cases.yaml"
    dataset.write_text(yaml.safe_dump({"cases": cases}, allow_unicode=True))
    suite = tmp_path / "slots.yaml"
    suite.write_text(yaml.safe_dump({"name": "slots", "task": "draft", "dataset": str(dataset),
                                     "graders": ["slots"]}))
    return suite


def test_expect_is_read_from_the_dataset_with_nulls_as_gaps(tmp_path):
    suite = _suite_with(tmp_path, [
        {"id": "kilns", "notes": "Name: Kilnlog", "expect": {
            "name": "Kilnlog", "city": None, "date": ["Jul 2027", "July 2027"], "problem": ["1 in 3", ["£9", "£9.00"]],
            "not_in_problem": ["£12"], "price": "£12"}},
        {"id": "plain", "notes": "hairdressers lose 2 appointments a week"}])
    cases = load_suite(load_suite_spec(suite)).cases
    expect = cases[0].expect
    assert expect is not None
    assert (expect.name, expect.no_name, expect.city, expect.city_gap) == ("Kilnlog", False, None, True)
    assert expect.date == ["Jul 2027", "July 2027"] and expect.problem == ["1 in 3", ["£9", "£9.00"]]
    assert cases[1].expect is None


@pytest.mark.parametrize(("expect", "message"), [
    ({"cty": "Leeds"}, "expect.cty: Extra inputs are not permitted"),
    ({"problem": "38%"}, "expect.problem: Input should be a valid list"),
    ({"name": "Kilnlog", "no_name": True}, "give `name` or `no_name`, not both"),
    (["Leeds"], "expect must be a mapping of expectations"),
])
def test_a_bad_expect_is_one_line_naming_the_case(tmp_path, expect, message):
    suite = _suite_with(tmp_path, [{"id": "ok", "notes": "n"}, {"id": "kilns-typo", "notes": "n", "expect": expect}])
    with pytest.raises(InputError) as raised:
        load_suite(load_suite_spec(suite))
    text = str(raised.value)
    assert "\n" not in text and "case 'kilns-typo'" in text and message in text


def test_a_bad_expect_stops_the_eval_command_with_one_line(tmp_path):
    suite = _suite_with(tmp_path, [{"id": "kilns-typo", "notes": "Name: Kilnlog", "expect": {"cty": "Leeds"}}])
    result = run_prfaq("eval", str(suite), "--offline", "--no-cache", "--out", str(tmp_path / "run"))
    assert_one_line_error(result)
    assert "kilns-typo" in result.stderr and "cty" in result.stderr


def test_the_run_report_names_each_miss_of_a_low_case(tmp_path):
    # Expectations no draft can meet (the notes never say "Zebracorn" or "Oslo"): the misses, in
    # plain words, are in the report a user opens.
    suite = _suite_with(tmp_path, [{"id": "kilns", "notes": "Name: Kilnlog\nPottery studios: 1 in 3 kiln firings "
                                    "has a cracked piece.\nLaunch: Stoke-on-Trent, 5 July 2027\n",
                                    "expect": {"name": "Zebracorn", "city": "Oslo"}}])
    run = tmp_path / "run"
    result = run_prfaq("eval", str(suite), "--offline", "--no-cache", "--out", str(run))
    assert result.code == 0, result.stderr
    report = (run / "report.md").read_text()
    assert "| slots | slots | 0.000 (n=1) |" in report
    assert "headline: wanted it to open with the name 'Zebracorn'" in report
    assert "dateline: wanted city 'Oslo'" in report


def test_the_shipped_slots_dataset_gives_every_case_expectations():
    spec = load_suite_spec(REPO / "evals" / "suites" / "draft.yaml")
    assert "slots" in spec.graders
    cases = [c for c in load_suite(spec).cases if c.source == "evals/datasets/draft-slots.yaml"]
    assert 16 <= len(cases) <= 20
    assert all(c.expect is not None for c in cases)
    assert len(cases) == len(yaml.safe_load(SLOTS_DATASET.read_text())["cases"])
