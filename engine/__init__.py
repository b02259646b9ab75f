"""eqm: an equity-stratified quality measure engine.

Measure specs (YAML) are compiled to SQL trees (sqlglot), run on DuckDB, and
turned into member-level results, stratified rates and scorecards.
"""

__version__ = "0.1.0"
