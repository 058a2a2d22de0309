"""The "asked" order weighs each bank question by how often real authors answer it
(assistant/questions/asked.yaml, fitted by evals/fit_asked_rates.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import parse_document
from assistant.errors import ConfigError
from assistant.questions import offline
from assistant.questions.bank import ASKED_PATH, AskedRates, load_asked_rates
from assistant.questions.offline import questions_offline

RELEASE = parse_document(
    "# Ledgerly: invoices that chase themselves\n\n"
    "Ledgerly, a web app for freelance designers, sends polite reminders for overdue invoices and "
    "records every payment. It costs $9 per month and connects to Stripe. Freelancers told us that "
    "a third of their invoices are paid late. Ledgerly is available today in the US.\n",
    path="ledgerly.md")


def first_ids(rates: AskedRates, monkeypatch: pytest.MonkeyPatch, top: int = 6, audience: str | None = None
              ) -> list[str]:
    monkeypatch.setattr(offline, "load_asked_rates", lambda: rates)
    return [q.id.split(":")[0] for q in questions_offline(RELEASE, top=top, order="asked").questions
            if audience is None or q.audience == audience]


@pytest.mark.parametrize("audience", ["external", "internal"])
def test_the_question_authors_answer_most_comes_first_in_the_asked_order(monkeypatch, audience):
    plain = first_ids(AskedRates(prior=0.1), monkeypatch, top=60, audience=audience)
    favourite = plain[-1]  # the last of its group today
    favoured = first_ids(AskedRates(prior=0.1, rates={favourite: 1.0}), monkeypatch, top=60, audience=audience)
    assert favoured[0] == favourite, (favourite, favoured[:5])


def test_the_threat_order_does_not_use_the_rates(monkeypatch):
    monkeypatch.setattr(offline, "load_asked_rates", lambda: AskedRates(prior=0.1, rates={"price.cost": 1.0}))
    with_rates = [q.id for q in questions_offline(RELEASE, top=10, order="threat").questions]
    monkeypatch.setattr(offline, "load_asked_rates", lambda: AskedRates())
    assert [q.id for q in questions_offline(RELEASE, top=10, order="threat").questions] == with_rates


def test_a_release_without_an_faq_is_listed_in_the_asked_order_and_a_full_prfaq_in_the_threat_order():
    assert questions_offline(RELEASE, top=10).questions == questions_offline(RELEASE, top=10, order="asked").questions
    full = parse_document(RELEASE.text + "\n## FAQ\n\n**Q: How much does it cost?**\n\n$9 per month.\n",
                          path="ledgerly.md")
    assert full.faq
    assert questions_offline(full, top=10).questions == questions_offline(full, top=10, order="threat").questions


def test_the_shipped_rates_load_and_name_bank_questions():
    from assistant.questions.bank import load_bank

    rates = load_asked_rates()
    assert rates.rates, "asked.yaml ships with the package"
    ids = {q.id for q in load_bank().questions}
    assert set(rates.rates) <= ids
    assert all(0.0 <= r <= 1.0 for r in rates.rates.values())


def test_a_missing_file_weighs_every_question_the_same(tmp_path: Path):
    rates = load_asked_rates(tmp_path / "nothing.yaml")
    assert rates.rate("price.cost") == rates.rate("customer.who") == 0.0


def test_a_broken_file_is_a_config_error_naming_it(tmp_path: Path):
    broken = tmp_path / "asked.yaml"
    broken.write_text("rates: [not, a, mapping]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="asked.yaml"):
        load_asked_rates(broken)


def test_rates_round_trip_through_yaml(tmp_path: Path):
    from assistant.yamlload import safe_load

    rates = AskedRates(source="test", documents_raised=3, prior=0.2, rates={"customer.who": 0.5})
    assert AskedRates.model_validate(safe_load(rates.to_yaml())) == rates
    assert ASKED_PATH.name == "asked.yaml"


def _fitter():
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "evals" / "fit_asked_rates.py"
    spec = importlib.util.spec_from_file_location("_fit_asked_rates", path)
    assert spec is not None and spec.loader is not None
    fitter = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fitter)
    return fitter


def test_fitting_pulls_rare_questions_towards_the_overall_share():
    from collections import Counter

    fitter = _fitter()
    raised = Counter({"customer.who": 9, "testing.audit": 2, "price.cost": 30})
    asked = Counter({"customer.who": 6, "testing.audit": 2, "price.cost": 0})
    rates = fitter.fit(raised, asked, strength=4.0, source="test")
    assert rates.prior == round(8 / 41, 3)
    # 6 of 9 is better evidence than 2 of 2: the well-attested question ranks first.
    assert rates.rate("customer.who") > rates.rate("testing.audit") > rates.rate("price.cost")
    assert rates.rate("never.raised") == rates.prior


def test_a_question_from_the_documents_own_words_is_pulled_towards_its_kinds_share():
    from collections import Counter

    # Named-alternative questions are answered 6 times in 10; generic ones 4 times in 40. A new
    # derived question raised once and missed once still sits above a generic one with the same record.
    raised = Counter({"competition.named_alternative": 10, "price.cost": 40, "how_it_works.feature": 1,
                      "testing.audit": 1})
    asked = Counter({"competition.named_alternative": 6, "price.cost": 4})
    derived = frozenset({"competition.named_alternative", "how_it_works.feature"})
    rates = _fitter().fit(raised, asked, strength=4.0, source="test", derived=derived)
    assert rates.derived_prior is not None and rates.derived_prior > rates.prior
    assert rates.rate("how_it_works.feature") > rates.rate("testing.audit")
    # One the corpus never raised gets its kind's share.
    assert rates.rate("never.raised", derived=True) == rates.derived_prior
    assert rates.rate("never.raised") == rates.prior


def test_without_kinds_every_question_is_pulled_towards_the_overall_share():
    from collections import Counter

    rates = _fitter().fit(Counter({"a.b": 1, "c.d": 9}), Counter({"c.d": 3}), strength=4.0, source="test")
    assert rates.derived_prior is None
    assert rates.rate("never.raised", derived=True) == rates.prior


def test_rates_given_to_the_engine_replace_the_shipped_ones():
    # How the recall eval measures rates fitted on other documents (--rates), without a patched file.
    plain = [q.id for q in questions_offline(RELEASE, top=60, order="asked", rates=AskedRates(prior=0.1)).questions
             if q.audience == "external"]
    favourite = plain[-1]
    given = AskedRates(prior=0.1, rates={favourite: 1.0})
    favoured = [q.id for q in questions_offline(RELEASE, top=60, order="asked", rates=given).questions]
    assert favoured[0] == favourite


def test_the_recall_eval_refuses_a_missing_rates_file(tmp_path: Path, capsys):
    import importlib.util
    import sys

    path = Path(__file__).resolve().parent.parent / "evals" / "questions_recall.py"
    spec = importlib.util.spec_from_file_location("_questions_recall", path)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("_questions_recall", script)
    spec.loader.exec_module(script)
    folder = tmp_path / "docs"
    folder.mkdir()
    assert script.main([str(folder), "--rates", str(tmp_path / "missing.yaml")]) == 2
    assert "no rates file" in capsys.readouterr().err


def test_a_question_that_only_repeats_one_above_it_adds_nothing_in_the_marginal_fit():
    from collections import Counter

    # "Who is Foo for?" and "What evidence do we have that customers want Foo?" both match the
    # authors' "Who is Foo for?" (index 0); only the first adds it to a top-K list.
    ranked = [("customer.who", {0}), ("evidence_of_demand.proof", {0}), ("price.cost", {1})]
    raised, asked = Counter(), Counter()
    _fitter().tally(ranked, raised, asked, marginal=True)
    assert asked == Counter({"customer.who": 1, "price.cost": 1})
    assert raised["evidence_of_demand.proof"] == 1
    plain_raised, plain = Counter(), Counter()
    _fitter().tally(ranked, plain_raised, plain, marginal=False)
    assert plain["evidence_of_demand.proof"] == 1


def test_the_asked_order_keeps_no_quota_of_customer_questions(monkeypatch):
    # The rates decide the mix: when the review room's questions are the ones authors answer, the
    # top of the list is theirs, not half the customer's by rule.
    plain = questions_offline(RELEASE, order="asked", rates=AskedRates(prior=0.1)).questions
    internal = [q.id.split(":")[0] for q in plain if q.audience == "internal"][:6]
    favoured = AskedRates(prior=0.01, rates=dict.fromkeys(internal, 1.0))
    top = questions_offline(RELEASE, top=6, order="asked", rates=favoured).questions
    assert [q.audience for q in top] == ["internal"] * 6
    # The threat order (what `prfaq questions` shows) still keeps the customer's share.
    assert any(q.audience == "external" for q in questions_offline(RELEASE, top=6).questions)
