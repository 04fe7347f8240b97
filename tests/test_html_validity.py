"""Every page of the unzipped toolkit is valid HTML, checked by the Nu Html Checker (vnu)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(site: Path):
    if shutil.which("java") is None:
        pytest.fail("java is missing: `make test` installs it (default-jre-headless).")
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `make build`, which installs it with npm.")
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 9, f"expected every page of the toolkit in {site}"
    # One java call for all pages: the checker takes seconds to start.
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors; anything else (no
    # report, another exit code) means it did not check the pages.
    assert run.returncode in (0, 1), f"vnu failed to run:\n{run.stdout}\n{run.stderr}"
    report = json.loads(run.stderr)
    errors = [message for message in report["messages"] if message.get("type") != "info"]
    assert errors == [], "HTML errors:\n" + "\n".join(map(_describe, errors))


def _describe(message: dict) -> str:
    where = Path(message.get("url", "?")).name
    line = message.get("lastLine", message.get("firstLine", "?"))
    extract = " ".join(message.get("extract", "").split())[:160]
    return f"  {where}:{line}: {message.get('message')}\n      {extract}"
