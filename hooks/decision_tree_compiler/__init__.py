"""The decision tree compiler: load, check and render the YAML trees in decision_tree/.

Plain Python with no MkDocs import, used by the build hook (hooks/decision_tree_hook.py), the
command line (`python -m decision_tree_compiler`) and the tests. One job per module:
verdicts, problems, yaml_source, yaml_errors, tree_format, structure, checks, graph, guarantee, pages,
markdown_fields, rendered_fields, compile_json, render_html, compiler, path_table, schema,
benchmark.
"""
