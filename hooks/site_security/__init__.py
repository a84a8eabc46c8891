"""What keeps a built page from running anything a writer typed, in plain Python (no MkDocs).

- page_metadata.py: front matter values become text on the page, never markup;
- content_security_policy.py: the Content-Security-Policy every page carries.

Each has a thin MkDocs hook next to this folder (hooks/*_hook.py) that only calls it.
"""
