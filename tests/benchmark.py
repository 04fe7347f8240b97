"""Figures for the toolkit, each next to its target: build time against a bare Material site,
the zip's size, the bytes each page loads, how fast a large workbook is restored, and how the
build grows with ten times the content.

Run by `make bench` after `make build`. It prints and never fails on a target; everything it
builds goes to a temporary folder, so the repository is left as it was.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_helpers import empty_workbook
from conftest import CHROMIUM, CHROMIUM_ARGS, PAGES, ROOT

MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
PROJECT_PARTS = ["content", "overrides", "hooks", "build_tools", "mkdocs.yml", "VERSION"]
BUILD_RUNS = 3
RESTORE_RUNS = 7
WORKBOOK_ANSWERS = 500


def main() -> None:
    version = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
    toolkit_zip = ROOT / "dist" / f"counter-trafficking-toolkit-{version}.zip"
    if not toolkit_zip.is_file():
        raise SystemExit(f"{toolkit_zip} is missing: run `make build` first (make bench does).")
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="ct-bench-") as temporary:
        work = Path(temporary)
        site = _unzip(toolkit_zip, work / "unzipped")

        toolkit = _copy_project(work / "toolkit")
        toolkit_seconds = _median_build(toolkit)
        bare_seconds = _median_build(_bare_material_project(work / "bare", site))
        rows.append(("Build time, toolkit (median of 3)", f"{toolkit_seconds:.2f} s", ""))
        rows.append(("Build time, bare Material site, same pages and text", f"{bare_seconds:.2f} s", ""))
        rows.append(("  ratio toolkit / bare", f"{toolkit_seconds / bare_seconds:.2f}", "<= 1.5"))

        rows.append(("Zip size", f"{toolkit_zip.stat().st_size / 1024:.0f} KB", "<= 450 KB"))

        larger = _copy_project(work / "larger")
        questions, challenges = _multiply_content(larger / "content", times=10)
        larger_seconds = _median_build(larger)
        rows.append(
            (
                f"Build time, content x10 ({questions} questions, {challenges} challenges)",
                f"{larger_seconds:.2f} s",
                "",
            )
        )
        rows.append(("  ratio x10 / normal", f"{larger_seconds / toolkit_seconds:.2f}", "<= 10"))

        rows += _browser_figures(site, work / "chromium-home")
    _print_table(rows)


# Build time --------------------------------------------------------------------------------


def _copy_project(target: Path) -> Path:
    """The parts of the project that the build reads, in a folder of their own."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def _median_build(project: Path) -> float:
    times = []
    for run in range(BUILD_RUNS):
        site_dir = project / f"site-{run}"
        started = time.perf_counter()
        subprocess.run(
            [str(MKDOCS), "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
            cwd=project,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        times.append(time.perf_counter() - started)
        shutil.rmtree(site_dir)
    return statistics.median(times)


def _bare_material_project(target: Path, site: Path) -> Path:
    """Plain Markdown pages on stock Material, as many and as long as the toolkit's pages."""
    pages = list(PAGES)
    text = sum(len(_visible_text(site / f"{name}.html")) for name in pages)
    words = ["trafficking", "prevention", "protection", "prosecution", "partnership", "strategy", "objective"]
    words += ["indicator", "baseline", "target", "referral", "shelter", "victim", "budget", "ministry"]
    docs = target / "docs"
    docs.mkdir(parents=True)
    per_page = text // len(pages)
    for index, name in enumerate(pages):
        paragraphs, length = [], 0
        while length < per_page:
            sentence = " ".join(words[(length + i) % len(words)] for i in range(12)).capitalize() + "."
            paragraphs.append(" ".join([sentence] * 6))
            length += len(paragraphs[-1])
        heading = "Home" if index == 0 else name.replace("-", " ").title()
        body = "\n\n".join(f"## Part {n}\n\n{p}" if n % 4 == 0 else p for n, p in enumerate(paragraphs))
        (docs / f"{'index' if index == 0 else name}.md").write_text(
            f"# {heading}\n\n{body}\n", encoding="utf-8"
        )
    config = {
        "site_name": "Bare Material site",
        "use_directory_urls": False,
        "theme": {"name": "material", "font": False},
        "plugins": ["search", "offline"],
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return target


def _visible_text(page: Path) -> str:
    article = re.search(r"<article[^>]*>(.*?)</article>", page.read_text(encoding="utf-8"), re.S)
    markup = article.group(1) if article else ""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _multiply_content(content: Path, times: int) -> tuple[int, int]:
    """Copy every checklist question and challenge `times - 1` more times under new ids; a
    copied question points at the challenges copied alongside it, so references stay valid."""
    challenges_file = content / "challenges.yml"
    checklist_file = content / "checklist.yml"
    challenges = yaml.safe_load(challenges_file.read_text(encoding="utf-8"))
    checklist = yaml.safe_load(checklist_file.read_text(encoding="utf-8"))
    originals = challenges["challenges"]
    challenges["challenges"] = originals + [
        {**challenge, "id": f"{challenge['id']}-copy{copy}"}
        for copy in range(2, times + 1)
        for challenge in originals
    ]
    for pillar in checklist["pillars"]:
        questions = pillar["questions"]
        pillar["questions"] = questions + [
            {
                **question,
                "id": f"{question['id']}-copy{copy}",
                **(
                    {"challenges": [f"{reference}-copy{copy}" for reference in question["challenges"]]}
                    if question.get("challenges")
                    else {}
                ),
            }
            for copy in range(2, times + 1)
            for question in questions
        ]
    challenges_file.write_text(
        yaml.safe_dump(challenges, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    checklist_file.write_text(
        yaml.safe_dump(checklist, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    question_count = sum(len(pillar["questions"]) for pillar in checklist["pillars"])
    return question_count, len(challenges["challenges"])


# In the browser ----------------------------------------------------------------------------

# Runs before the page's scripts: when the parser is done, every worksheet script has run.
RESTORE_PROBE = """
document.addEventListener('DOMContentLoaded', () => {
  window.ctRestored = {
    read: window.CTToolkit && CTToolkit.workbook ? CTToolkit.workbook.readMs() : null,
    sinceStart: window.CTToolkit && CTToolkit.workbook ? CTToolkit.workbook.sinceStart() : null,
    sinceNavigation: performance.now(),
  };
});
"""


def _browser_figures(site: Path, home: Path) -> list[tuple[str, str, str]]:
    from playwright.sync_api import sync_playwright

    home.mkdir()
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, env={**os.environ, "HOME": str(home)}
        )
        try:
            context = browser.new_context()
            page = context.new_page()
            for name in PAGES:
                rows.append(
                    (f"Bytes loaded, {name}.html", f"{_bytes_loaded(page, site, name) / 1024:.0f} KB", "")
                )
            context.close()

            context = browser.new_context()
            context.add_init_script(RESTORE_PROBE)
            page = context.new_page()
            page.goto((site / "index.html").as_uri())
            workbook = _large_workbook(page.evaluate("window.CTToolkitContent"), WORKBOOK_ANSWERS)
            page.evaluate(
                "workbook => localStorage.setItem(CTToolkit.workbook.STORAGE_KEY, JSON.stringify(workbook))",
                workbook,
            )
            for name in PAGES[1:-1]:
                read, script, navigation = _restore_times(page, site, name)
                rows.append(
                    (
                        f"{name}.html, {WORKBOOK_ANSWERS} answers: read and checked / worksheet drawn",
                        f"{read:.1f} / {script:.1f} ms",
                        "< 50 ms",
                    )
                )
                rows.append(
                    (f"  {name}.html: from opening the page to answers shown", f"{navigation:.1f} ms", "")
                )
            context.close()
        finally:
            browser.close()
    return rows


def _bytes_loaded(page, site: Path, name: str) -> int:
    files: set[Path] = set()
    inside = site.as_uri() + "/"

    def record(request):
        if request.url.startswith(inside):
            files.add(site / request.url[len(inside) :].split("?")[0].split("#")[0])

    page.on("request", record)
    page.goto((site / f"{name}.html").as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # the search shim loads its worker after "load"
    page.remove_listener("request", record)
    return sum(path.stat().st_size for path in files if path.is_file())


def _restore_times(page, site: Path, name: str) -> tuple[float, float, float]:
    """Medians of: reading and checking the stored workbook; from then until the worksheet
    shows every answer (DOMContentLoaded, after the last script ran); from navigation."""
    reads, scripts, navigations = [], [], []
    for _ in range(RESTORE_RUNS):
        page.goto((site / f"{name}.html").as_uri())
        page.wait_for_load_state("load")
        restored = page.evaluate("window.ctRestored")
        answers = page.evaluate("CTToolkit.workbook.hasAnswers()")
        if not answers or restored["sinceStart"] is None:
            raise SystemExit(f"{name}.html did not restore the seeded workbook")
        reads.append(restored["read"])
        scripts.append(restored["sinceStart"])
        navigations.append(restored["sinceNavigation"])
    return statistics.median(reads), statistics.median(scripts), statistics.median(navigations)


def _large_workbook(content: dict, answers: int) -> dict:
    """A workbook with `answers` answers: every checklist question with a note, every
    challenge marked, and the rest spread over own challenges, SWOT items and SMART objectives."""
    questions = [question for pillar in content["checklist"]["pillars"] for question in pillar["questions"]]
    challenges = content["challenges"]["challenges"]
    group = content["challenges"]["groups"][0]["id"]
    remaining = answers - len(questions) - len(challenges)
    own, swot_each, smart = remaining // 4, remaining // 8, remaining // 4
    swot_each = (remaining - own - smart) // 5  # four SWOT kinds and policy elements
    smart = remaining - own - swot_each * 5
    sentence = "Evidence from the 2025 national review, the NGO shelter reports and court records."
    swot = {
        kind: [{"id": f"{kind[:2]}-{n}", "text": f"{kind} {n}: {sentence}"} for n in range(swot_each)]
        for kind in ("strengths", "weaknesses", "opportunities", "threats")
    }
    return empty_workbook(
        toolkitVersion=content["version"],
        savedAt="2026-01-01T00:00:00.000Z",
        checklist={
            "info": {
                "organisation": "Ministry",
                "country": "Example",
                "role": "Officer",
                "contact": "x@example.org",
            },
            "answers": {q["id"]: {"answer": "partly", "note": sentence} for q in questions},
        },
        challenges={
            "marks": {c["id"]: {"applies": True, "priority": "high", "note": sentence} for c in challenges},
            "own": [
                {
                    "id": f"own-{n}",
                    "text": f"Own challenge {n}",
                    "group": group,
                    "applies": True,
                    "priority": "low",
                    "note": sentence,
                }
                for n in range(own)
            ],
        },
        mission={"mission": sentence, "vision": sentence},
        swot={
            "objectives": [{"id": "o-1", "text": "Protect every victim"}],
            **swot,
            "policyElements": [
                {"id": f"p-{n}", "text": f"Policy element {n}", "links": [f"we-{n}"]}
                for n in range(swot_each)
            ],
            "resources": [{"id": "r-1", "text": "Budget line"}],
        },
        smart={
            "objectives": [
                {
                    "id": f"sm-{n}",
                    "statement": f"Objective {n}",
                    "indicator": "Cases",
                    "baseline": "10",
                    "target": "40",
                    "deadline": "2028-12-31",
                    "responsible": "Ministry",
                    "policyElement": f"p-{n % max(swot_each, 1)}",
                    "resources": "Budget",
                }
                for n in range(smart)
            ]
        },
    )


# Output ------------------------------------------------------------------------------------


def _unzip(archive: Path, target: Path) -> Path:
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(target)
    (folder,) = target.iterdir()
    return folder


def _print_table(rows: list[tuple[str, str, str]]) -> None:
    widths = [max(len(row[column]) for row in [*rows, ("Figure", "Value", "Target")]) for column in range(3)]
    line = "  ".join(f"{{:<{width}}}" for width in widths)
    print()
    print(line.format("Figure", "Value", "Target"))
    print(line.format(*("-" * width for width in widths)))
    for row in rows:
        print(line.format(*row))
    print("Figures from this machine at this moment; compare runs on the same, otherwise idle, machine.")


if __name__ == "__main__":
    main()
