"""The build and dashboard commands as a user runs them: exit statuses, messages, output."""

from __future__ import annotations

import json
import shutil
import tomllib

from conftest import ROOT, SEEDS, run_cli
from geo import config


def _seed_copy(folder):
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def test_build_writes_the_layer_and_a_summary(tmp_path):
    out = tmp_path / "out" / "layer.geojson"
    proc = run_cli("build", str(SEEDS), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "2 articles" in proc.stderr and "0 rejected" in proc.stderr
    assert json.loads(out.read_text("utf-8"))["type"] == "FeatureCollection"


def test_rejected_article_gives_exit_1_names_the_file_and_keeps_the_rest(tmp_path):
    articles = _seed_copy(tmp_path / "articles")
    (articles / "broken.txt").write_text("date 2025-02-30\nText.\n", encoding="utf-8")
    out = tmp_path / "layer.geojson"
    proc = run_cli("build", str(articles), "--out", str(out))
    assert proc.returncode == 1
    assert "broken.txt:1: impossible date '2025-02-30'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(json.loads(out.read_text("utf-8"))["articles"]) == 2


def test_missing_input_is_a_usage_error(tmp_path):
    proc = run_cli("build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "x.geojson"))
    assert proc.returncode == 2 and "no such file or folder" in proc.stderr
    assert not (tmp_path / "x.geojson").exists()


def test_folder_without_articles_is_a_usage_error(tmp_path):
    proc = run_cli("build", str(tmp_path), "--out", str(tmp_path / "x.geojson"))
    assert proc.returncode == 2 and "no article files" in proc.stderr


def test_bad_flag_is_a_usage_error():
    assert run_cli("build", "--jobs", "many").returncode == 2


def test_jobs_all_cores_gives_the_same_bytes(tmp_path):
    one, many = tmp_path / "one.geojson", tmp_path / "many.geojson"
    assert run_cli("build", str(SEEDS), "--out", str(one), "-q").returncode == 0
    assert run_cli("build", str(SEEDS), "--out", str(many), "-q", "--jobs", "0").returncode == 0
    assert one.read_bytes() == many.read_bytes()


def test_online_without_user_agent_is_refused(tmp_path):
    proc = run_cli("build", str(SEEDS), "--out", str(tmp_path / "x.geojson"), "--online")
    assert proc.returncode == 2 and "--user-agent" in proc.stderr


def test_the_dashboard_command_refuses_a_missing_layer(tmp_path):
    proc = run_cli("dashboard", "--layer", str(tmp_path / "none.geojson"))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"claimmap: error: no layer file {tmp_path / 'none.geojson'} " \
                                  "(build one with `claimmap build`)"


def test_the_checkouts_streamlit_config_is_the_commands_options():
    """``streamlit run dashboard/app.py`` in a checkout reads .streamlit/config.toml; the
    installed ``claimmap dashboard`` passes config.STREAMLIT_OPTIONS: they must not drift."""
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    flat = {f"{section}.{name}": str(value).lower()
            for section, values in settings.items() for name, value in values.items()}
    assert flat == config.STREAMLIT_OPTIONS
