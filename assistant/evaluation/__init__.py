"""The eval suite behind `prfaq eval`: suites (evals/suites/*.yaml) run over a matrix of models and
prompt folders, graded case by case, reported, and compared run against run.

    from assistant.evaluation.runner import RunOptions, run_eval
    outcome = run_eval(RunOptions(suites=["clarity-validation"], settings=load_settings(offline=True)))
    outcome.report.summary("clarity-validation", "pair_order").mean
"""
