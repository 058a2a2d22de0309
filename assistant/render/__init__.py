"""Renderers: Markdown, JSON, HTML and .docx views of the typed results."""
