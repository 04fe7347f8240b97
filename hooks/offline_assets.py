"""MkDocs adapter: make the built site work from file:// with no request to another host.

- ships iframe-worker's shim (from node_modules, installed by `make`), which Material's
  search needs on file://; naming it in extra.polyfills keeps the CDN copy out;
- leaves out source maps and the search-language files that an English site never loads.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent

# Data ----------------------------------------------------------------------------------------

# Files the site ships from npm packages: site path -> path under node_modules.
VENDORED = {
    "assets/javascripts/vendor/iframe-worker/shim.js": "iframe-worker/shim/index.js",
}
SOURCE_MAP_COMMENT = re.compile(rb"\n?/[/*][#@] sourceMappingURL=[^\n]*?(\*/)?\s*$")

# Hooks ---------------------------------------------------------------------------------------


# Add the vendored scripts; drop what the offline copy does not need.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for site_path, package_path in VENDORED.items():
        source = ROOT / "node_modules" / package_path
        if not source.is_file():
            raise Abort(f"{source} is missing: run `make build`, which installs it with npm.")
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    unused = [file for file in files if _is_unused(file.src_uri, config)]
    for file in unused:
        files.remove(file)
    return files


# Source maps are gone, so their comments would only point at missing files.
def on_post_build(*, config: MkDocsConfig) -> None:
    for path in Path(config.site_dir).glob("assets/**/*.[jc]s*"):
        if path.suffix not in (".js", ".css"):
            continue
        data = path.read_bytes()
        stripped = SOURCE_MAP_COMMENT.sub(b"\n", data)
        if stripped != data:
            path.write_bytes(stripped)


# Helper functions -----------------------------------------------------------------------------


def _is_unused(src_uri: str, config: MkDocsConfig) -> bool:
    if src_uri.endswith(".map"):
        return True
    # Lunr's language files are loaded only for non-English search languages.
    languages = config.plugins["material/search"].config.lang or ["en"]
    return src_uri.startswith("assets/javascripts/lunr/") and languages == ["en"]
