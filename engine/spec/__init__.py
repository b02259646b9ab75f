"""Measure specs: frozen typed models and the YAML loader."""

from engine.spec.loader import load_measures, load_spec
from engine.spec.models import MeasureSpec

__all__ = ["MeasureSpec", "load_measures", "load_spec"]
