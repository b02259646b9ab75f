"""HTML rendering: jinja2 templates with autoescape and documented context objects."""

from engine.render.scorecard import ScorecardContext, build_scorecard_context, render_scorecard

__all__ = ["ScorecardContext", "build_scorecard_context", "render_scorecard"]
