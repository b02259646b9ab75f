"""HTML rendering: jinja2 templates with autoescape and documented context objects."""

from engine.render.scorecard import ScorecardContext, build_public_scorecard_context, build_scorecard_context, render_scorecard

__all__ = ["ScorecardContext", "build_public_scorecard_context", "build_scorecard_context", "render_scorecard"]
