"""The content model on its own (no MkDocs): every kind of content error names file, line, field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from toolkit import ContentError, load_toolkit

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the real content that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def load(content: Path):
    return load_toolkit(content, version="0.0.0")


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load(content)
    return [str(problem) for problem in raised.value.problems]


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in a file; return the line (from 1) where it stood."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_the_real_content_loads():
    toolkit = load(ROOT / "content")
    pillars = toolkit["checklist"]["pillars"]
    assert [pillar["id"] for pillar in pillars] == ["prevention", "protection", "prosecution", "partnership"]
    assert all(len(pillar["questions"]) >= 10 for pillar in pillars)
    assert len(toolkit["challenges"]["challenges"]) == 29
    assert [example["organisation"] for example in toolkit["mission"]["examples"]] == [
        "CARE",
        "Creative Commons",
        "USAID",
    ]
    assert [criterion["name"] for criterion in toolkit["smart"]["criteria"]] == [
        "Specific",
        "Measurable",
        "Achievable",
        "Relevant",
        "Time-bound",
    ]


def test_yaml_syntax_error_names_file_and_line(content):
    line = replace_once(content / "challenges.yml", "  - id: ch-05\n", "  - id: ch-05\n    text: [unclosed\n")
    (problem,) = problems_of(content)
    assert problem.startswith(f"content/challenges.yml:{line + 2}:")
    assert "YAML syntax error" in problem


def test_unknown_value_names_file_line_column_field_and_choices(content):
    path = content / "challenges.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: ch-13\n")
    offset = text.index("    pillar: protection", start)
    line = text[:offset].count("\n") + 1
    path.write_text(text[:offset] + "    pillar: protectoin" + text[offset + 22 :], encoding="utf-8")
    assert problems_of(content) == [
        f"content/challenges.yml:{line}:5: challenges[12].pillar: 'protectoin' is not one of "
        "prevention, protection, prosecution, partnership"
    ]


def test_missing_field_is_named(content):
    line = replace_once(content / "mission.yml", "  - id: care\n    organisation: CARE\n", "  - id: care\n")
    assert problems_of(content) == [
        f"content/mission.yml:{line}:5: examples[0]: the field 'organisation' is missing"
    ]


def test_wrong_type_is_named(content):
    line = replace_once(content / "smart.yml", "title: SMART objectives", "title: [SMART]")
    assert problems_of(content) == [f"content/smart.yml:{line}:1: title: expected a text, found a list"]


def test_unknown_field_is_named_with_the_expected_ones(content):
    line = replace_once(
        content / "challenges.yml", "    group: coordination\n", "    group: coordination\n    colour: red\n"
    )
    assert problems_of(content) == [
        f"content/challenges.yml:{line + 1}:5: challenges[11].colour: unknown field 'colour' "
        "(expected one of: id, text, group, pillar)"
    ]


def test_duplicate_id_names_both_places(content):
    first = replace_once(content / "checklist.yml", "      - id: pv-02\n", "      - id: pv-02\n")
    line = replace_once(content / "checklist.yml", "      - id: pv-03\n", "      - id: pv-02\n")
    assert problems_of(content) == [
        f"content/checklist.yml:{line}:9: pillars[0].questions[2].id: "
        f"the id 'pv-02' is already used on line {first}"
    ]


def test_dangling_reference_names_the_other_file(content):
    path = content / "checklist.yml"
    line = replace_once(path, "challenges: [ch-05, ch-07, ch-12]", "challenges: [ch-05, ch-99, ch-12]")
    assert problems_of(content) == [
        f"content/checklist.yml:{line}:29: pillars[0].questions[0].challenges[1]: "
        "'ch-99' is not a challenge id in content/challenges.yml"
    ]


def test_bad_id_pattern_says_what_an_id_looks_like(content):
    line = replace_once(content / "challenges.yml", "  - id: ch-01\n", "  - id: Ch 01\n")
    (problem,) = [p for p in problems_of(content) if "challenges[0].id" in p]
    assert problem == (
        f"content/challenges.yml:{line}:5: challenges[0].id: 'Ch 01' is not an id of lowercase "
        "letters, digits and single hyphens, such as pv-01"
    )


def test_duplicate_yaml_key_is_an_error(content):
    line = replace_once(
        content / "smart.yml", "title: SMART objectives\n", "title: SMART objectives\ntitle: Again\n"
    )
    assert problems_of(content) == [
        f"content/smart.yml:{line + 1}:1: title: the key 'title' appears twice in the same block"
    ]


def test_every_problem_of_a_build_is_reported_together(content):
    replace_once(content / "smart.yml", "letter: S", "letter: s")
    replace_once(content / "mission.yml", "  - id: care\n", "  - id: care\n    colour: red\n")
    replace_once(content / "checklist.yml", "[ch-05, ch-07, ch-12]", "[ch-05, ch-77, ch-12]")
    problems = problems_of(content)
    assert [problem.split(":")[0] for problem in problems] == [
        "content/checklist.yml",
        "content/mission.yml",
        "content/smart.yml",
    ]
    assert "'ch-77' is not a challenge id" in problems[0]
    assert "unknown field 'colour'" in problems[1]
    assert "'s' is not one capital letter" in problems[2]


def test_missing_file_is_named(content):
    (content / "swot.yml").unlink()
    assert problems_of(content) == ["content/swot.yml:1:1: the file is missing"]


def test_ui_strings_fall_back_to_english(content):
    (content / "ui" / "id").mkdir()
    (content / "ui" / "id" / "workbook.yml").write_text(
        "save_file: Simpan berkas buku kerja\n", encoding="utf-8"
    )
    toolkit = load_toolkit(content, language="id", version="0.0.0")
    assert toolkit.strings["workbook"]["save_file"] == "Simpan berkas buku kerja"
    assert toolkit.strings["workbook"]["open_file"] == "Open workbook file"


def test_a_bad_ui_string_is_named(content):
    path = content / "ui" / "en" / "workbook.yml"
    line = replace_once(path, "save_file: Save workbook file", "save_file: [Save]")
    assert problems_of(content) == [
        f"content/ui/en/workbook.yml:{line}:1: save_file: expected a text, or a group of texts, found a list"
    ]


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("checklist.yml", "challenges: [ch-05, ch-07, ch-12]", "challenges: 5"),
        ("challenges.yml", "  - id: prevention\n    title: Prevention\n", "  - prevention\n"),
        ("swot.yml", "from: [strengths-3]", "from: strengths-3"),
        ("checklist.yml", "      - id: pv-01\n", "      - id: [pv-01]\n"),
    ],
)
def test_malformed_content_is_reported_not_crashed_on(content, file, old, new):
    replace_once(content / file, old, new)
    problems = problems_of(content)
    assert problems
    assert all(problem.startswith(f"content/{file}:") for problem in problems)
