"""The content model on its own (no MkDocs): every kind of content error names file, line, field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from toolkit import ContentError, load_toolkit
from toolkit.render import PageRenderer
from toolkit.schemas import load_schema

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


# Problems that used to crash the build with a traceback -----------------------------------


@pytest.fixture
def overrides(tmp_path) -> Path:
    """A copy of the templates and scripts beside the content copy, that a test may break."""
    target = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides" / "toolkit", target / "toolkit")
    shutil.copytree(ROOT / "overrides" / "assets" / "toolkit", target / "assets" / "toolkit")
    return target


def render_problems_of(content: Path, overrides: Path = ROOT / "overrides") -> list[str]:
    toolkit = load(content)
    with pytest.raises(ContentError) as raised:
        PageRenderer(toolkit, overrides / "toolkit", root=overrides.parent).render_all()
    return [str(problem) for problem in raised.value.problems]


def position_of(path: Path, text: str) -> tuple[int, int]:
    """Line and column (from 1) where `text` first stands in a file."""
    whole = path.read_text(encoding="utf-8")
    offset = whole.index(text)
    return whole[:offset].count("\n") + 1, offset - whole.rfind("\n", 0, offset)


def test_an_information_field_without_a_hint_renders(content):
    replace_once(content / "checklist.yml", "    hint: The ministry, agency or body you work for.\n", "")
    pages = PageRenderer(load(content), ROOT / "overrides" / "toolkit").render_all()
    assert 'id="info-organisation"' in pages["checklist"]
    assert 'id="info-organisation-hint"' not in pages["checklist"]
    assert 'id="info-country-hint"' in pages["checklist"]


def test_swot_needs_all_three_sections(content):
    replace_once(
        content / "swot.yml",
        "  - id: resources\n    title: Available resources\n"
        "    hint: The staff, funds, data, partners and other means you can draw on.\n",
        "",
    )
    line, _ = position_of(content / "swot.yml", "sections:")
    assert problems_of(content) == [
        f"content/swot.yml:{line}:1: sections: expected at least 3 item(s), found 2"
    ]


def test_swot_sections_each_appear_once(content):
    first, _ = position_of(content / "swot.yml", "  - id: objectives\n")
    line = replace_once(content / "swot.yml", "  - id: resources\n", "  - id: objectives\n")
    assert problems_of(content) == [
        f"content/swot.yml:{line}:5: sections[2].id: the id 'objectives' is already used on line {first}"
    ]


def test_a_misspelt_ui_string_key_in_a_template_is_located_there(content, overrides):
    template = overrides / "toolkit" / "checklist.html"
    line, column = position_of(template, 't("checklist.your_information")')
    replace_once(template, 't("checklist.your_information")', 't("checklist.nope")')
    with pytest.raises(ContentError) as raised:
        load_toolkit(content, version="0.0.0", overrides_dir=overrides)
    assert [str(problem) for problem in raised.value.problems] == [
        f'overrides/toolkit/checklist.html:{line}:{column}: t("checklist.nope"): '
        "no such UI string in content/ui/en/"
    ]


def test_a_ui_string_key_missing_for_a_script_is_located_there(content, overrides):
    script = overrides / "assets" / "toolkit" / "mission.js"
    script.write_text(
        '// CTToolkit.t("mission.nope")\n' + script.read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:
        load_toolkit(content, version="0.0.0", overrides_dir=overrides)
    assert [str(problem) for problem in raised.value.problems] == [
        'overrides/assets/toolkit/mission.js:1:14: t("mission.nope"): no such UI string in content/ui/en/'
    ]


def test_a_removed_ui_string_is_reported_at_every_template_that_uses_it(content, overrides):
    replace_once(content / "ui" / "en" / "checklist.yml", "your_information: Your information\n", "")
    key = 't("checklist.your_information")'
    expected = [
        f"overrides/toolkit/{name}:{':'.join(map(str, position_of(overrides / 'toolkit' / name, key)))}: "
        f"{key}: no such UI string in content/ui/en/"
        for name in ("blank-worksheets.html", "checklist.html")
    ]
    with pytest.raises(ContentError) as raised:
        load_toolkit(content, version="0.0.0", overrides_dir=overrides)
    assert [str(problem) for problem in raised.value.problems] == expected


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (
            '"Objective {number"',
            "a { or } that is not part of a placeholder: placeholders are written {name}, "
            "and braces cannot be used as text",
        ),
        (
            '"Objective {0}"',
            "{0} is not a placeholder: write a name of letters, digits and _ in braces, such as {count}",
        ),
    ],
)
def test_a_malformed_placeholder_is_named(content, new, message):
    line = replace_once(content / "ui" / "en" / "smart.yml", '"Objective {number}"', new)
    assert problems_of(content) == [f"content/ui/en/smart.yml:{line}:1: objective_heading: {message}"]


def test_a_placeholder_the_template_does_not_give_is_located_in_the_template(content):
    replace_once(content / "ui" / "en" / "smart.yml", '"Objective {number}"', '"Objective {count}"')
    template = ROOT / "overrides" / "toolkit" / "smart.html"
    line, column = position_of(template, "smart.objective_heading")
    assert render_problems_of(content) == [
        f'overrides/toolkit/smart.html:{line}:{column}: t("smart.objective_heading"): '
        "the UI string uses {count}, but the template gives number (making the page smart)"
    ]


def test_a_field_a_template_reads_but_the_content_lacks_is_located_in_the_template(content, overrides):
    replace_once(content / "checklist.yml", "    hint: The ministry, agency or body you work for.\n", "")
    replace_once(overrides / "toolkit" / "checklist.html", 'field.get("hint")', "field.hint")
    # line_answer's "{% if hint %}", where the missing value is first used.
    line, column = position_of(
        overrides / "toolkit" / "_macros.html",
        'if hint %}<p class="ct-hint" id="{{ id }}-hint">{{ hint }}</p>{% endif %}\n  <input',
    )
    assert render_problems_of(content, overrides) == [
        f"overrides/toolkit/_macros.html:{line}:{column + 3}: the content has no field 'hint' here; "
        'if the schema makes it optional, the template must read it with .get("hint") '
        "(making the page checklist)"
    ]


def test_a_control_character_is_located(content):
    line = replace_once(content / "challenges.yml", "  - id: ch-05\n", "  - id: ch-05\x07\n")
    assert problems_of(content) == [
        f"content/challenges.yml:{line}:14: the character U+0007 is not allowed in YAML "
        "(an invisible control character); delete it"
    ]


@pytest.mark.parametrize(
    ("text", "found"), [("- a\n- b\n", "a list"), ("just some text\n", "a text")], ids=["list", "text"]
)
def test_a_file_of_the_wrong_shape_is_one_problem(content, text, found):
    (content / "swot.yml").write_text(text, encoding="utf-8")
    (content / "challenges.yml").write_text(text, encoding="utf-8")
    assert problems_of(content) == [
        f"content/challenges.yml:1:1: expected a block of fields, found {found}",
        f"content/swot.yml:1:1: expected a block of fields, found {found}",
    ]


def test_a_group_id_that_is_not_text_is_named(content):
    line = replace_once(content / "challenges.yml", "  - id: prevention\n", "  - id: 5\n")
    assert problems_of(content) == [
        f"content/challenges.yml:{line}:5: groups[0].id: expected a text, found a whole number"
    ]


@pytest.mark.parametrize(
    ("key", "read_as"), [("2024-01-01", "a date"), ("yes", "true or false"), ("5", "a whole number")]
)
def test_a_ui_string_key_that_is_not_text_is_named(content, key, read_as):
    path = content / "ui" / "en" / "workbook.yml"
    line = replace_once(path, "status:\n", f"status:\n  {key}: x\n")
    assert problems_of(content) == [
        f"content/ui/en/workbook.yml:{line + 1}:3: status: the key {key} is read as {read_as}, "
        f'not as text; put it in quotes: "{key}":'
    ]


def test_ui_strings_schema_wants_text_keys():
    validator = Draft202012Validator(load_schema("ui-strings-group"))
    assert not validator.is_valid({True: "x"})


def test_a_translation_of_another_shape_than_english_is_named(content):
    (content / "ui" / "id").mkdir()
    (content / "ui" / "id" / "workbook.yml").write_text(
        "status: Disimpan\nsave_file:\n  short: Simpan\nopen_file: Buka {file}\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:
        load_toolkit(content, language="id", version="0.0.0")
    english = "content/ui/en/workbook.yml"
    assert [str(problem) for problem in raised.value.problems] == [
        f"content/ui/id/workbook.yml:1:1: status: is one text here, but a group of texts in {english}",
        f"content/ui/id/workbook.yml:2:1: save_file: is a group of texts here, but one text in {english}",
        "content/ui/id/workbook.yml:4:1: open_file: uses {file}, which the English string does not have",
    ]


def test_an_unclosed_quote_names_where_it_starts(content):
    path = content / "home.yml"
    start = len(path.read_text(encoding="utf-8").splitlines()) + 1
    path.write_text(path.read_text(encoding="utf-8") + 'extra: "unclosed\n', encoding="utf-8")
    assert problems_of(content) == [
        f"content/home.yml:{start + 1}:1: YAML syntax error: found unexpected end of stream "
        f"(in the quoted text that starts on line {start})"
    ]


def test_a_reference_is_checked_even_when_its_target_file_has_another_error(content):
    # The README's example: a misspelt pillar in challenges.yml does not hide a dangling
    # challenge id in checklist.yml, since the challenge ids themselves can still be read.
    replace_once(content / "challenges.yml", "pillar: protection", "pillar: protectoin")
    replace_once(content / "checklist.yml", "[ch-05, ch-07, ch-12]", "[ch-05, ch-99, ch-12]")
    problems = problems_of(content)
    assert len(problems) == 2
    assert "'protectoin' is not one of" in problems[0]
    assert "'ch-99' is not a challenge id in content/challenges.yml" in problems[1]
