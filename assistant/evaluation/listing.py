"""`prfaq eval --list`: the suites, what each runs, where its data is, and whether it is there."""

from __future__ import annotations

from pathlib import Path


def render_suite_list() -> str:
    from assistant.evaluation.suites import available_suites, load_suite_spec, resolve_dataset, suites_dir

    suites = available_suites()
    if not suites:
        return f"No eval suites in {suites_dir()}."
    lines = [f"Eval suites in {suites_dir()}:", ""]
    for name, path in suites.items():
        spec = load_suite_spec(path)
        needs = " (needs an endpoint)" if spec.needs_endpoint else ""
        lines.append(f"{name}: {spec.task}{needs}. {spec.description}".rstrip())
        lines.append(f"  graders: {', '.join(spec.graders)}")
        if spec.thresholds:
            lines.append("  thresholds: " + ", ".join(f"{g} >= {v:g}" for g, v in spec.thresholds.items()))
        for dataset in spec.datasets:
            found, _ = resolve_dataset(dataset.path, Path(spec.path))
            lines.append(f"  dataset: {dataset.path} " + (f"[{found}]" if found else "[not found: skipped]"))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
