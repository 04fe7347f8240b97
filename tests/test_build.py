"""The built site: every content item is on its page; bad content fails the build with no zip."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from toolkit import load_toolkit

ROOT = Path(__file__).resolve().parent.parent


def page_text(site: Path, name: str) -> str:
    """The visible text of a built page, whitespace collapsed, entities decoded."""
    raw = (site / f"{name}.html").read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def plain(markdown_text: str) -> list[str]:
    """Sentences of a Markdown field as they read on the page (emphasis and code marks gone)."""
    text = re.sub(r"[*`_]", "", markdown_text)
    return [re.sub(r"\s+", " ", part).strip() for part in text.split("\n\n") if part.strip()]


@pytest.fixture(scope="module")
def toolkit():
    return load_toolkit(ROOT / "content", version="0.0.0")


def test_every_item_of_every_content_file_is_on_its_page(site, toolkit):
    expected = {
        "index": [toolkit["home"]["title"]]
        + [step["summary"] for step in toolkit["home"]["steps"]]
        + plain(toolkit["home"]["offline"]),
        "checklist": [field["label"] for field in toolkit["checklist"]["your_information"]]
        + [
            text
            for pillar in toolkit["checklist"]["pillars"]
            for question in pillar["questions"]
            for text in (question["id"], question["text"], question["why"])
        ],
        "challenges": [
            text for item in toolkit["challenges"]["challenges"] for text in (item["id"], item["text"])
        ]
        + [group["title"] for group in toolkit["challenges"]["groups"]],
        "mission": [
            text
            for example in toolkit["mission"]["examples"]
            for text in (example["organisation"], example["statement"], example.get("remark", ""))
        ]
        + [prompt["question"] for prompt in toolkit["mission"]["prompts"]]
        + plain(toolkit["mission"]["vision_difference"]),
        "swot": [quadrant["definition"] for quadrant in toolkit["swot"]["quadrants"]]
        + [
            item
            for name in ("objectives", "strengths", "weaknesses", "opportunities", "threats")
            for item in toolkit["swot"]["worked_example"][name]
        ]
        + [element["text"] for element in toolkit["swot"]["worked_example"]["policy_elements"]],
        "smart": [
            text
            for criterion in toolkit["smart"]["criteria"]
            for text in (
                criterion["name"],
                criterion["question"],
                criterion["explanation"],
                criterion["example"],
            )
        ],
    }
    for page, texts in expected.items():
        shown = page_text(site, page)
        missing = [text for text in texts if text and re.sub(r"\s+", " ", text) not in shown]
        assert missing == [], f"{page}.html lacks these content items"


def test_home_page_tells_users_to_extract_the_zip_first(site):
    assert "extract" in page_text(site, "index").lower()
    assert "extract" in (ROOT / "README.md").read_text(encoding="utf-8").lower()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """The project's committed files in a temporary folder, sharing the installed environments."""
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, tmp_path / name)
    for environment in (".venv", "node_modules"):
        (tmp_path / environment).symlink_to(ROOT / environment)
    return tmp_path


def make_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "build"], cwd=project, capture_output=True, text=True, env={**os.environ, "MAKEFLAGS": ""}
    )


def test_bad_content_fails_the_build_naming_file_and_line_and_leaves_no_zip(project_copy):
    assert make_build(project_copy).returncode == 0
    zips = list((project_copy / "dist").glob("*.zip"))
    assert len(zips) == 1

    path = project_copy / "content" / "challenges.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("pillar: protection", "pillar: protectoin", 1), encoding="utf-8")
    line = text[: text.index("pillar: protection")].count("\n") + 1

    result = make_build(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"content/challenges.yml:{line}:5: challenges[12].pillar: 'protectoin' is not one of" in output
    assert "nothing was built" in output
    assert list((project_copy / "dist").glob("*.zip")) == []
    assert not (project_copy / "site").exists()


def test_yaml_syntax_error_fails_the_build(project_copy):
    path = project_copy / "content" / "smart.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("letter: S", "letter: [S", 1), encoding="utf-8")
    result = make_build(project_copy)
    assert result.returncode != 0
    assert re.search(r"content/smart\.yml:\d+:\d+: YAML syntax error", result.stdout + result.stderr)
    assert list((project_copy / "dist").glob("*.zip")) == []


def test_a_broken_link_in_a_page_fails_the_build(project_copy):
    path = project_copy / "content" / "pages" / "privacy.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\nSee [the missing page](missing.md).\n", encoding="utf-8"
    )
    result = make_build(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "missing.md" in output
    assert list((project_copy / "dist").glob("*.zip")) == []


def located(path: Path, text: str) -> str:
    """file:line:col of the first `text` in a file of the project copy."""
    whole = path.read_text(encoding="utf-8")
    offset = whole.index(text)
    line = whole[:offset].count("\n") + 1
    return f"{line}:{offset - whole.rfind(chr(10), 0, offset)}"


def test_a_page_that_cannot_be_made_fails_the_build_naming_the_template_line(project_copy):
    strings = project_copy / "content" / "ui" / "en" / "smart.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text.replace('"Objective {number}"', '"Objective {count}"', 1), encoding="utf-8")
    where = located(project_copy / "overrides" / "toolkit" / "smart.html", "smart.objective_heading")

    result = make_build(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f'overrides/toolkit/smart.html:{where}: t("smart.objective_heading"): the UI string uses {{count}}, '
        "but the template gives number (making the page smart)"
    ) in output
    assert "1 content problem (listed above); nothing was built." in output
    assert "Traceback" not in output
    assert list((project_copy / "dist").glob("*.zip")) == []


def test_a_ui_string_missing_for_a_template_fails_the_build_naming_each_use(project_copy):
    strings = project_copy / "content" / "ui" / "en" / "checklist.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text.replace("your_information: Your information\n", "", 1), encoding="utf-8")
    key = 't("checklist.your_information")'

    result = make_build(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for name in ("blank-worksheets.html", "checklist.html"):
        where = located(project_copy / "overrides" / "toolkit" / name, key)
        assert f"overrides/toolkit/{name}:{where}: {key}: no such UI string in content/ui/en/" in output
    assert "2 content problems (listed above); nothing was built." in output
    assert "Traceback" not in output
    assert list((project_copy / "dist").glob("*.zip")) == []
