"""The hard questions: `prfaq questions`.

The offline engine selects from a curated bank (bank.yaml) by what the document says and
omits and judges answered-ness by rules (offline.py); with an endpoint, stakeholder lenses
generate questions about this specific document and the model judges answered-ness with a
quote that code verifies (llm.py). Both return a `QuestionReport`.
"""
