"""Every problem a writer caused in one build, told once: in the terminal, on GitHub, on the page.

Plain Python with no MkDocs import. The build hooks add what they find (tree problems, page
problems) to one report; writer_problems_hook.py then ends the build with all of them at once,
or, under `mkdocs serve`, shows each on the page it belongs to so the preview never hangs.
"""
