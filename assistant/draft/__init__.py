"""First drafts from customer notes: `prfaq draft`.

    notes --facts.py--> typed facts --offline.py or pipeline.py--> Draft
          --grounding.py (numbers, dates, quotes, names must be in the notes)--> placeholders + gaps
          --finish.py--> scored with the clarity rules and the rubric

`assistant.api.draft(path)` is the entry point; the engines call `draft_offline(notes)` and
`draft_with_llm(notes, gateway, stream=None)`. Importing this package is cheap.
"""
