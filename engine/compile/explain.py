"""Plain-English rendering of a compiled measure, from the same fragments as its SQL."""

from __future__ import annotations

from engine.compile.criteria import Fragment
from engine.compile.measure import POPULATIONS, CompiledMeasure, CompiledRate

POPULATION_TITLES = {
    "initial_population": "Initial population",
    "denominator": "Denominator",
    "denominator_exclusion": "Denominator exclusion",
    "denominator_exception": "Denominator exception (only if not in the numerator)",
    "numerator": "Numerator",
    "numerator_exclusion": "Numerator exclusion",
}


def fragment_lines(fragment: Fragment, depth: int = 0) -> list[str]:
    pad = "  " * depth
    label = f" [{fragment.label}]" if fragment.label else ""
    if fragment.kind in ("all", "any", "not"):
        lines = [f"{pad}- {fragment.description}{label}:"]
        for child in fragment.children:
            lines += fragment_lines(child, depth + 1)
        return lines
    return [f"{pad}- {fragment.description}{label}"]


def rate_lines(rate: CompiledRate) -> list[str]:
    lines = [f"Rate {rate.rate_id}: {rate.title}", f"  Unit: {rate.unit}", f"  Anchor date: {rate.anchor}"]
    for name, sentence in rate.dates:
        lines.append(f"  Date '{name}': {sentence}")
    for population in POPULATIONS:
        fragment = rate.populations.get(population)
        if fragment is None:
            if population == "denominator":
                lines.append("  Denominator: the initial population")
            continue
        lines.append(f"  {POPULATION_TITLES[population]}:")
        lines += fragment_lines(fragment, 2)
    lines.append("  Rate = (numerator - numerator exclusions) / (denominator - denominator exclusions - denominator exceptions)")
    return lines


def explain_measure(compiled: CompiledMeasure) -> str:
    spec = compiled.spec
    lines = [
        f"{spec.id}: {spec.title} (version {spec.version})",
        f"Steward: {spec.steward}",
        f"Source: {spec.source}",
        f"Measurement period: {compiled.period.start.isoformat()} to {compiled.period.end.isoformat()}",
        f"Improvement: {'higher' if spec.improvement == 'increase' else 'lower'} is better",
        "",
    ]
    for rate in compiled.rates:
        lines += rate_lines(rate) + [""]
    if spec.parameters:
        lines.append("Parameters:")
        lines += [f"  {name} = {parameter.value!r}: {parameter.description}" for name, parameter in spec.parameters.items()]
        lines.append("")
    if spec.choices:
        lines.append("Choices where sources differ:")
        lines += [f"  - {choice}" for choice in spec.choices]
        lines.append("")
    lines.append(f"Stratifiers: overall, {', '.join(spec.stratifiers)}")
    return "\n".join(lines)

