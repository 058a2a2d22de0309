"""Skeptical stakeholders around the table: `prfaq review`.

Personas are files (prompts/personas/*.yaml). Offline, each runs the deterministic checks of its
lens (`assistant.personas.checks`); with an endpoint, each also reads the document through the
model. Either way the personas argue where their positions differ and the meeting ends with a
decision and a must-fix list traced to findings.
"""
