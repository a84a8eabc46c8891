"""Rules for untrusted markup: which links and embedded resources a page may carry.

Everything in docs/ and decision_tree/ arrives by pull request and lands on a public health
page, so the build decides, the way a browser would read it, whether each link and each
embedded resource is allowed. Plain Python that knows nothing about MkDocs:
- urls.py: the one allow-list of link schemes and resource addresses (trees and pages use it);
- html_findings.py: every disallowed thing in a piece of HTML (scripts, event handlers,
  links, resources, CSS url());
- page_check.py: those findings for one docs page, located on the line of its Markdown file.
"""
