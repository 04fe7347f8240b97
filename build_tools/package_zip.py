"""Pack the built site into the offline zip: one folder that users extract and open.

Usage: python build_tools/package_zip.py SITE_DIR DIST_DIR
The zip is written under a temporary name and renamed at the end, so a failed run never
leaves a half-written zip behind. Entries are sorted and dated alike, so the same site
always makes the same zip.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "counter-trafficking-toolkit"
FIXED_DATE = (2024, 1, 1, 0, 0, 0)


def package(site_dir: Path, dist_dir: Path, version: str) -> Path:
    if not (site_dir / "index.html").is_file():
        raise SystemExit(f"{site_dir}/index.html is missing: build the site first (make build).")
    folder = f"{NAME}-{version}"
    target = dist_dir / f"{folder}.zip"
    partial = target.with_suffix(".zip.partial")
    dist_dir.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
                entry = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", FIXED_DATE)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                archive.writestr(entry, path.read_bytes())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return target


def main(argv: list[str]) -> None:
    site_dir, dist_dir = (Path(arg) for arg in argv[1:3])
    version = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
    target = package(site_dir, dist_dir, version)
    print(f"{target} ({target.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main(sys.argv)
