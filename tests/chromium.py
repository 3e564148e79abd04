"""Headless Chromium for the tests, driven over the DevTools protocol.

One browser per test session; each page is opened once and everything the tests assert
on is read from that one load: the rendered text, console errors and failed loads,
every request the page made, a printed A4 PDF, and (for a person to look at) screenshots.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENSURE = Path(__file__).resolve().parent / "tools" / "ensure-chromium.sh"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
    "--hide-scrollbars",
)


class Unavailable(Exception):
    """No Chromium here, and it could not be installed: the reason says why."""


def find() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure() -> str:
    """The path of a Chromium, installing Debian's package through the project's script when missing."""
    found = find()
    if found:
        return found
    try:
        done = subprocess.run(["bash", str(ENSURE)], capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(f"tests/tools/ensure-chromium.sh could not run: {exc}") from None
    found = find()
    if found is None:
        reason = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        raise Unavailable(f"Chromium is not installed and tests/tools/ensure-chromium.sh failed: {reason[0]}")
    return found


@dataclass
class Rendered:
    url: str
    text: str
    """document.body.innerText: what a reader sees."""
    html: str
    """The DOM after parsing, serialised."""
    problems: list[str] = field(default_factory=list)
    """Console errors and warnings, uncaught exceptions, and browser log errors (failed or blocked loads)."""
    requests: list[str] = field(default_factory=list)
    pdf: bytes = b""
    scripts: int = 0
    """How many <script> elements the DOM holds."""
    overflow: int = 0
    """At the phone width: by how many CSS pixels the page is wider than the screen."""


class Browser:
    """A headless Chromium and one DevTools connection to it."""

    def __init__(self, executable: str) -> None:
        from websockets.sync.client import connect

        self.profile = tempfile.mkdtemp(prefix="itinerary-chromium-")
        self.process = subprocess.Popen(
            [executable, *FLAGS, "--remote-debugging-port=0", f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stderr is not None
        endpoint = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line and self.process.poll() is not None:
                break
            match = re.search(r"DevTools listening on (ws://\S+)", line)
            if match:
                endpoint = match.group(1)
                break
        if endpoint is None:
            self.close()
            raise Unavailable("Chromium started but never offered a DevTools endpoint")
        # Chromium keeps logging to stderr: drain it so that it never blocks on a full pipe.
        self._drain = threading.Thread(target=self.process.stderr.read, daemon=True)
        self._drain.start()
        self.stack = contextlib.ExitStack()
        self.ws = self.stack.enter_context(connect(endpoint, max_size=None, open_timeout=30))
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv(timeout=120))
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))
            self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = 60) -> None:
        if any(e.get("method") == method and e.get("sessionId") == session for e in self.events):
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            event = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            self.events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return
        raise TimeoutError(f"no {method} within {timeout} s")

    def open(
        self, url: str, *, pdf: bool = True, screenshots: Path | None = None, name: str = "page", phone_width: int = 390
    ) -> Rendered:
        """Load `url`, read what the tests need, and close the tab."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=session)
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            session,
        )
        self.events.clear()
        self.send("Page.navigate", {"url": url}, session)
        self.wait_for("Page.loadEventFired", session)
        evaluate = self.evaluator(session)
        rendered = Rendered(
            url=url,
            text=evaluate("document.body.innerText"),
            html=evaluate("document.documentElement.outerHTML"),
            scripts=evaluate("document.scripts.length"),
        )
        if screenshots is not None:
            self.screenshot(session, screenshots / f"{name}-desktop.png")
        if pdf:
            printed = self.send(
                "Page.printToPDF",
                {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False},
                session,
            )
            rendered.pdf = base64.b64decode(printed["data"])
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": phone_width, "height": 844, "deviceScaleFactor": 2, "mobile": True},
            session,
        )
        rendered.overflow = evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if screenshots is not None:
            self.screenshot(session, screenshots / f"{name}-phone.png")
        # Let anything late (a failed load, a console message) arrive before reading the log.
        self.send(
            "Runtime.evaluate", {"expression": "new Promise(r => setTimeout(r, 200))", "awaitPromise": True}, session
        )
        for event in self.events:
            if event.get("sessionId") != session:
                continue
            params = event.get("params", {})
            method = event.get("method")
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                args = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                rendered.problems.append(f"console.{params['type']}: {args}")
            elif method == "Runtime.exceptionThrown":
                rendered.problems.append(f"exception: {params.get('exceptionDetails', {}).get('text', '')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                entry = params["entry"]
                rendered.problems.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip())
            elif method == "Network.requestWillBeSent":
                rendered.requests.append(params.get("request", {}).get("url", ""))
            elif method == "Page.javascriptDialogOpening":
                rendered.problems.append(f"dialog: {params.get('message')}")
            elif method == "Network.loadingFailed":
                rendered.problems.append(f"load failed: {params.get('errorText')} {params.get('blockedReason', '')}")
        self.send("Target.closeTarget", {"targetId": target})
        return rendered

    def evaluator(self, session: str) -> Any:
        def evaluate(expression: str) -> Any:
            result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
            return result["result"].get("value")

        return evaluate

    def screenshot(self, session: str, path: Path) -> None:
        shot = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        stack = getattr(self, "stack", None)
        if stack is not None:
            with contextlib.suppress(Exception):
                stack.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        drain = getattr(self, "_drain", None)
        if drain is not None:
            drain.join(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def screenshots_dir() -> Path | None:
    """Where to keep screenshots for a person to look at: $ITINERARY_SCREENSHOTS, never the repository."""
    where = os.environ.get("ITINERARY_SCREENSHOTS")
    return Path(where) if where else None
