"""The only place that builds SQL: measure specs to sqlglot trees with plain-English sentences."""

from engine.compile.explain import explain_measure
from engine.compile.measure import POPULATIONS, CompiledMeasure, CompiledRate, compile_measure

__all__ = ["POPULATIONS", "CompiledMeasure", "CompiledRate", "compile_measure", "explain_measure"]
