"""A small WebDriver BiDi client for Debian's firefox-esr, with no geckodriver.

Firefox speaks BiDi itself when started with --remote-debugging-port; this module starts a
headless Firefox on a fresh profile, connects to ws://127.0.0.1:<port>/session and sends
commands one at a time, keeping the events that arrive in between.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from websockets.exceptions import InvalidHandshake
from websockets.sync.client import connect

FIREFOX = os.environ.get("FIREFOX", "firefox-esr")

# Features that would make Firefox contact Mozilla's services; the tests check that the
# toolkit sends nothing, so the browser must not either.
QUIET_PREFERENCES = {
    "app.update.enabled": False,
    "app.normandy.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "toolkit.telemetry.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "browser.newtabpage.enabled": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.startup.page": 0,
    "network.dns.disablePrefetch": True,
    "network.prefetch-next": False,
    "services.settings.server": "",
    "dom.disable_open_during_load": False,
}


class BidiError(RuntimeError):
    pass


class Firefox:
    """A headless Firefox and a BiDi session on it. Use as a context manager: it always
    closes the connection and kills the browser, even when a test fails."""

    def __init__(self, profile: Path, timeout: float = 30):
        self.profile = profile
        self.timeout = timeout
        self.events: list[dict] = []
        self._next_id = 0
        self._process: subprocess.Popen | None = None
        self._socket = None
        self._connection = contextlib.ExitStack()

    def __enter__(self) -> Firefox:
        if shutil.which(FIREFOX) is None:
            raise BidiError(f"{FIREFOX} is missing: `make test` installs it (firefox-esr).")
        self.profile.mkdir(parents=True, exist_ok=True)
        (self.profile / "user.js").write_text(
            "".join(
                f"user_pref({json.dumps(name)}, {json.dumps(value)});\n"
                for name, value in QUIET_PREFERENCES.items()
            ),
            encoding="utf-8",
        )
        port = _free_port()
        self._process = subprocess.Popen(
            [
                FIREFOX,
                "--headless",
                "--no-remote",
                "--profile",
                str(self.profile),
                "--remote-debugging-port",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": str(self.profile), "MOZ_CRASHREPORTER_DISABLE": "1"},
        )
        try:
            self._socket = self._connect(port)
            self.command("session.new", {"capabilities": {}})
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        if self._socket is not None:
            # The browser is killed next anyway; a session that will not end must not stop that.
            with contextlib.suppress(Exception):
                self.command("session.end", {})
            self._connection.close()
            self._socket = None
        if self._process is not None:
            self._process.kill()
            self._process.wait(timeout=10)
            self._process = None

    # Commands ------------------------------------------------------------------------------

    def command(self, method: str, params: dict) -> dict:
        """Send one command and return its result; events received meanwhile go to .events."""
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        deadline = time.monotonic() + self.timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BidiError(f"{method}: no answer from Firefox within {self.timeout} s")
            message = json.loads(self._socket.recv(timeout=remaining))
            if message.get("type") == "event":
                self.events.append(message)
            elif message.get("id") == self._next_id:
                if message.get("type") == "error":
                    raise BidiError(f"{method}: {message.get('error')}: {message.get('message')}")
                return message["result"]

    def top_context(self) -> str:
        return self.command("browsingContext.getTree", {})["contexts"][0]["context"]

    def subscribe(self, *events: str) -> None:
        self.command("session.subscribe", {"events": list(events)})

    def navigate(self, context: str, url: str) -> None:
        self.command("browsingContext.navigate", {"context": context, "url": url, "wait": "complete"})

    def reload(self, context: str) -> None:
        self.command("browsingContext.reload", {"context": context, "wait": "complete"})

    def evaluate(self, context: str, expression: str):
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.command(
            "script.evaluate",
            {"expression": expression, "target": {"context": context}, "awaitPromise": True},
        )
        if result["type"] != "success":
            raise BidiError(f"{expression!r} threw: {result.get('exceptionDetails', {}).get('text')}")
        return result["result"].get("value")

    def type_text(self, context: str, text: str) -> None:
        """Key presses, as a user types them, into the focused element."""
        keys = []
        for character in text:
            keys += [{"type": "keyDown", "value": character}, {"type": "keyUp", "value": character}]
        self.command(
            "input.performActions",
            {"context": context, "actions": [{"type": "key", "id": "keyboard", "actions": keys}]},
        )

    def requested_urls(self) -> list[str]:
        """What the page asked of the network. Firefox reports http(s) and data: requests
        here, not file:// ones (see loaded_files)."""
        return [
            event["params"]["request"]["url"]
            for event in self.events
            if event["method"] == "network.beforeRequestSent"
        ]

    def log_errors(self) -> list[str]:
        return [
            f"{event['params'].get('type')}: {event['params'].get('text')}"
            for event in self.events
            if event["method"] == "log.entryAdded"
            and (
                event["params"].get("type") == "javascript"
                or event["params"].get("level") == "error"
                or "Content-Security-Policy" in (event["params"].get("text") or "")
            )
        ]

    def loaded_files(self, context: str) -> list[str]:
        """The addresses of the files the page's markup loads (scripts, styles, images, frames):
        Firefox reports no file:// requests over BiDi, nor in the page's resource timing."""
        return self.evaluate(
            context,
            "JSON.stringify([...document.querySelectorAll('script[src], link[href], img[src], iframe[src]')]"
            ".map(element => element.src || element.href))",
        )

    # Helper functions ----------------------------------------------------------------------

    def _connect(self, port: int):
        deadline = time.monotonic() + self.timeout
        while True:
            if self._process.poll() is not None:
                raise BidiError(
                    f"{FIREFOX} exited with code {self._process.returncode} before accepting BiDi"
                )
            try:
                websocket = connect(f"ws://127.0.0.1:{port}/session", open_timeout=5, max_size=None)
                return self._connection.enter_context(websocket)
            except (OSError, TimeoutError, InvalidHandshake) as problem:
                if time.monotonic() > deadline:
                    raise BidiError(
                        f"could not connect to Firefox's BiDi on port {port}: {problem}"
                    ) from problem
                time.sleep(0.25)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
