"""What keeps a built page from running anything a writer typed, in plain Python (no MkDocs).

- page_metadata.py: front matter values become text on the page, never markup;
- content_security_policy.py: the Content-Security-Policy every page carries;
- urls.py: the one allow-list of link schemes and resource addresses, decided on what the
  browser reads (trees and pages use it);
- html_findings.py: every disallowed thing in a piece of HTML (scripts, event handlers,
  refused links, resources from other sites, CSS url());
- locate.py and page_check.py: those findings for one docs page (or a file docs/ publishes as
  it is), named on the line of its source.

The hooks next to this folder (hooks/*_hook.py) only call these: page_metadata_hook.py,
content_security_policy_hook.py and page_checks_hook.py. The tree compiler uses urls.py and
html_findings.py for the Markdown fields of a tree.
"""
