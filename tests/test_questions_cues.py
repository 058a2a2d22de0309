"""Cues match whole words and their inflections, never the start of a longer word: a question is
raised by what the document says, not by a word that happens to begin with a cue."""

from __future__ import annotations

import re

import pytest

from assistant.documents import parse_document
from assistant.questions.bank import _PLAIN_WORD, _is_word, cue_pattern, inflections, load_bank
from assistant.questions.offline import questions_offline


@pytest.mark.parametrize(("cue", "text"), [
    ("account", "We do token accounting for every request."),
    ("custom", "Every customer gets a report."),
    ("unlike", "A breach is unlikely."),
    ("current", "It currently runs on one server."),
    ("log in", "The audit log included every call."),
    ("photos?", "Photographs are stored elsewhere."),
    ("access to", "It needs an access token."),
    ("for (small|product)", "It is ready for production."),
    ("free", "Notes are free-form text."),
    ("integrat(e|es|ed|ing|ion|ions)", "Integrity checks run nightly."),
    ("price", "The prick of a needle."),
])
def test_a_cue_does_not_match_a_longer_word(cue: str, text: str) -> None:
    assert cue_pattern(cue).search(text) is None


@pytest.mark.parametrize(("cue", "text", "found"), [
    ("account", "Nobody needs an account.", "account"),
    ("account", "Both accounts are free.", "accounts"),
    ("share", "Sharing a notebook takes one link.", "Sharing"),
    ("share", "A shared notebook.", "shared"),
    ("log", "Every call is logged.", "logged"),
    ("plan", "We are planning a beta.", "planning"),
    ("lose", "Teams lost a week.", "lost"),
    ("spend", "Owners spent hours on it.", "spent"),
    ("library", "Three libraries ship with it.", "libraries"),
    ("gpt", "It calls GPT-4 for summaries.", "GPT"),
    ("sqlite", "Data lives in sqlite3.", "sqlite"),
    ("api key", "Your API keys stay local.", "API keys"),
    ("[$€£]\\s?\\d+", "It costs $49 a month.", "$49"),
    ("auto-", "It auto-syncs.", "auto-"),
    ("licen[cs](e|es|ed|ing)", "It is licensed under MIT.", "licensed"),
])
def test_a_cue_matches_its_word_and_inflections(cue: str, text: str, found: str) -> None:
    match = cue_pattern(cue).search(text)
    assert match is not None and match.group(0) == found


def test_inflections_are_forms_of_the_word_not_words_derived_from_it() -> None:
    assert {"shares", "shared", "sharing"} <= set(inflections("share"))
    assert {"replies", "replied", "replying"} <= set(inflections("reply"))
    assert "accounting" not in inflections("account")
    assert not {"customer", "customers", "customly"} & set(inflections("custom"))


def test_no_cue_of_the_bank_is_a_bare_stem() -> None:
    """A plain cue that is not an English word must be a name ("sqlite", "ollama"), not the start
    of common words ("integrat", "secur"): spell a word family out as a regex instead."""
    from wordfreq import top_n_list

    common = [word for word in top_n_list("en", 50000) if word.isalpha()]
    bank = load_bank()
    cues = {cue for q in bank.questions for cue in q.cues} | {cue for cues in bank.contexts.values() for cue in cues}
    stems = {cue: extended[:3] for cue in cues if _PLAIN_WORD.fullmatch(cue) and not _is_word(cue)
             if (extended := [w for w in common if w.startswith(cue) and len(w) > len(cue) + 1])}
    assert stems == {}


def test_every_cue_of_the_bank_ends_at_a_word_end() -> None:
    """Whatever a cue is, what it matches in running text is whole words."""
    bank = load_bank()
    patterns = [p for q in bank.questions for p in q.cue_patterns]
    text = "integrity customer unlikely accounting logic freedom productive prickly executive"
    hits = {p.pattern: m.group(0) for p in patterns if (m := p.search(text))}
    assert hits == {}


SHARED_NOTEBOOK = """# Stoa: one notebook for a research group

**Stoa keeps a research group's notes in one shared notebook, searchable in a second.**

SEATTLE — Today we launch Stoa. Researchers lose hours looking for notes they wrote months ago.
Stoa indexes every note on the researcher's laptop and does token accounting for each model call, so a
group always knows what its searches cost. Notes are shared with the whole group by default.

"I found last year's protocol in ten seconds," said Ana Ruiz, a postdoc.
"""


def test_token_accounting_does_not_ask_whether_sharing_needs_an_account() -> None:
    report = questions_offline(parse_document(SHARED_NOTEBOOK))
    asked = [q.question for q in report.questions]
    assert not any(re.search(r"need an account", q) for q in asked), asked


@pytest.mark.parametrize(("text", "not_asked"), [
    ("# Ledgerly runs payroll\n\nLedgerly runs payroll for small firms at £6 per seat a month. Pension contributions "
     "are calculated for you.\n", "open source"),
    ("# Ledgerly runs payroll\n\nLedgerly runs payroll for small firms at £6 per seat a month. Rejections go to our "
     "support team, who answer within four hours.\n", "with my team"),
    ("# Ledgerly runs payroll\n\nLedgerly runs payroll for small firms at £6 per seat a month. Link your HMRC "
     "account once and submit in one click.\n", "people I share with"),
])
def test_a_word_in_another_sense_raises_no_software_question(text: str, not_asked: str) -> None:
    asked = [q.question for q in questions_offline(parse_document(text)).questions]
    assert not any(not_asked in question for question in asked), asked


def test_contributions_welcome_still_make_it_open_source() -> None:
    text = ("# Tuna teaches kernels\n\nTuna is a teaching kernel. Contributions that improve explanations or fix bugs "
            "are welcome.\n")
    assert "open_source" in load_bank().contexts_of(text)


def _raised_by(question_id: str, text: str) -> bool:
    question = next(q for q in load_bank().questions if q.id == question_id)
    return any(pattern.search(text) for pattern in question.cue_patterns)


@pytest.mark.parametrize(("question_id", "text"), [
    # A word in another sense: a care plan is no price plan, an emergency visit no way to start,
    # switching a feature on no migration, numbers that "together make up" a share no teamwork.
    ("price.cost", "The alert fires when use passes the threshold in the child's asthma action plan."),
    ("price.billing", "The go-to-market plan starts with three practice groups."),
    ("getting_started.steps", "We will compare emergency visits over six months."),
    ("switching_cost.migrate", "Only the parents see it and, if you switch it on, your pediatrician."),
    ("switching_cost.migrate", "Nurses can switch off the alarm for an hour."),
    ("collaboration.team", "The three inhalers together make up about 85% of prescriptions."),
    # A share of the tips is a portion, not data shared; a next-day payout or the next business day
    # is a delivery speed, not the roadmap; a business day is a unit of time, not the business.
    ("privacy.what_data", "Every worker sees their share of the night's tips before close."),
    ("privacy.what_data", "Servers get a 70% share, bussers the rest."),
    ("privacy.what_data", "It shows each person's share for the manager to approve."),
    ("getting_started.account", "The pool pays each cook a fair share."),
    ("collaboration.team", "Shares of the pool are set by hours worked."),
    ("roadmap.next", "Standard next-day payouts are free."),
    ("roadmap.next", "TipSplit retries the next business day."),
    ("why_now.roadmap_vision", "Refunds arrive the next morning."),
    ("investment.payback", "Transfers settle within two business days."),
    ("privacy.what_data", "It costs $49 per location per month."),
    # a share of customers a flag is set for is a setting, not a claim to back up
    ("legal.claims", "Set who sees it: everyone, nobody, or 5% of customers."),
    ("legal.claims", "Rollouts go to 1%, then 10%, then everyone."),
    ("privacy.what_data", "The chain opened its fifth location in May."),
    # a thief cutting a lock is no saving; reporting a theft to the police is no file format
    ("benefit.measured", "If someone cuts the lock, Latchkey sends the owner an alert."),
    ("compatibility.formats", "71% said they never reported it, because they assumed the police could not find it."),
    # a config file is how it is set up, not a format it reads or writes for the customer
    ("compatibility.formats", "Add one Gradle dependency and a few lines of YAML\nconfiguration."),
    ("compatibility.formats", "Rules live in a JSON config beside the code."),
    # "open" as an adjective opens nothing: an open-source platform is no walk through a day
    ("benefit.day_in_life", "KFabrik is an Open-Source Local LLM platform for Kubernetes."),
    ("benefit.day_in_life", "It is an open source library built on an open standard."),
])
def test_a_cue_in_another_sense_raises_nothing(question_id: str, text: str) -> None:
    assert not _raised_by(question_id, text)


@pytest.mark.parametrize(("question_id", "text"), [
    ("benefit.measured", "It cuts the wait at the counter to five minutes."),
    ("benefit.measured", "Clinics cut no-show costs by a third."),
    ("compatibility.formats", "Owners get a weekly report of every ride."),
    ("compatibility.formats", "Findings are written as JSON and YAML for your pipeline."),
    # the noun of "install" ("installation" is derived, so no inflection of it finds it)
    ("getting_started.install", "Visit the project repository for installation instructions."),
    ("requirements.system", "Installation takes one command on any laptop."),
    ("benefit.day_in_life", "Maya opens the app at 7am and sees who is short-staffed."),
    ("benefit.day_in_life", "Open the dashboard and pick a store."),
    ("compatibility.formats", "It exports the PDF report your insurer asks for."),
    ("price.cost", "The Pro plan costs $12 a month."),
    ("price.cost", "Most insurance plans cover it."),
    ("price.billing", "Plans start at $5 per seat."),
    ("getting_started.steps", "Visit breathecap.com to order a cap."),
    ("getting_started.steps", "Visit our website to book."),
    ("switching_cost.migrate", "Teams switching from Trello keep their boards."),
    ("switching_cost.migrate", "Switch to Ledgerly in an afternoon."),
    ("collaboration.team", "Editors and writers work together on one draft."),
    ("privacy.what_data", "We never share your payroll data with advertisers."),
    ("privacy.what_data", "Tips are shared with the kitchen by hours worked."),
    ("privacy.what_data", "Location history is kept for 30 days."),
    ("legal.claims", "It cuts food waste by 40%."),
    ("legal.claims", "Reports are 95% accurate."),
    ("legal.claims", "92% of pilot users said they would keep it."),
    ("privacy.what_data", "The app needs your precise location to find a bay."),
    ("getting_started.account", "Share the board with a client in one click."),
    ("collaboration.team", "Managers share the schedule with every cook."),
    ("roadmap.next", "Clover support comes in the next release."),
    ("why_now.roadmap_vision", "Next, we will add payroll."),
    ("investment.payback", "Our business model is a monthly fee per location."),
])
def test_the_same_cue_in_its_own_sense_still_raises_its_question(question_id: str, text: str) -> None:
    assert _raised_by(question_id, text)
