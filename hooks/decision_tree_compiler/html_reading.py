"""An HTMLParser that reads every piece of markup a browser reads, without stopping.

Python 3.11 to 3.13, before their 2025 fixes (gh-77057, gh-135661), raise AssertionError on a
"marked section" other than `<![CDATA[`: `<![x[` gives "unknown status keyword 'x' in marked
section", `<![ x` gives "expected name token". Text from a pull request can hold either, and a
traceback is no message for a writer. Browsers read such a section as a "bogus comment" that
ends at the next ">", and so does this parser: its text goes to unknown_decl, as a CDATA
section's does (html_findings.py scans that text as HTML too, on the safe side).

Every parser the site runs on writers' HTML subclasses this one instead of HTMLParser.
"""

from __future__ import annotations

from html.parser import HTMLParser


class TolerantHTMLParser(HTMLParser):
    def parse_marked_section(self, i: int, report: int = 1) -> int:
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            if end < 0:
                return -1  # not complete yet; at the end of input, HTMLParser keeps it as text
            if report:
                self.unknown_decl(self.rawdata[i + 3 : end])
            return end + 1
