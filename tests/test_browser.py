"""A real-browser check: JupyterLab on loopback, headless Chromium runs a notebook through the UI.

The test starts ``jupyter lab`` on 127.0.0.1 with a random token, starts Debian's ``chromium`` headless, and
drives it over the Chrome DevTools Protocol (a websocket, via ``websocket-client``): it opens a copy of
``notebooks/01_text_statistics.ipynb`` in JupyterLab, clicks *Run > Run All Cells* with real mouse events,
waits until every cell has run, checks that no cell shows an error, and saves a screenshot to
``reports/browser/``. Needs: ``apt-get install chromium``; nothing is downloaded.

It also renders the HTML report from the saved notebook outputs and opens ``index.html`` and the seed's
evidence view (``evidence_seed.html``) in the same headless Chromium: the cards have their titles,
descriptions and thumbnails, every attribution and government mention is highlighted with its hover
text, and screenshots of both pages go to ``reports/browser/``.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "01_text_statistics.ipynb"
SCREENSHOTS = ROOT / "reports" / "browser"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-default-browser-check",
    "--remote-allow-origins=*",
    "--window-size=1400,1000",
    "--remote-debugging-port=0",
]
ERROR_LINE = re.compile(r"Traceback \(most recent call last\)|^\w*(?:Error|Exception)\b", re.MULTILINE)

pytestmark = pytest.mark.browser


def _chromium() -> str | None:
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(condition, timeout: float, what: str, interval: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


class DevTools:
    """A minimal Chrome DevTools Protocol client over one page's websocket."""

    def __init__(self, url: str):
        import websocket

        self.socket = websocket.create_connection(url, timeout=60, suppress_origin=True)
        self.ids = itertools.count(1)

    def send(self, method: str, **params):
        message_id = next(self.ids)
        self.socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def js(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, x: float, y: float) -> None:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            extra = {"button": "left", "clickCount": 1} if kind != "mouseMoved" else {}
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, **extra)
            time.sleep(0.05)

    def click_text(self, selector: str, text: str, timeout: float = 30) -> None:
        """Click the centre of the first visible element matching ``selector`` whose text is ``text``."""
        finder = f"""(() => {{
            for (const el of document.querySelectorAll({json.dumps(selector)})) {{
                const r = el.getBoundingClientRect();
                if (el.textContent.trim() === {json.dumps(text)} && r.width > 0 && r.height > 0)
                    return [r.left + r.width / 2, r.top + r.height / 2];
            }}
            return null;
        }})()"""
        x, y = _wait(lambda: self.js(finder), timeout, f"{text!r} in {selector}")
        self.click(x, y)

    def close(self) -> None:
        self.socket.close()


# JavaScript that reports the notebook's state: prompts of code cells, kernel status, and error outputs.
STATE_JS = """(() => {
    const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
    const prompts = cells.map(c => (c.querySelector('.jp-InputPrompt') || {}).textContent || '');
    const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
    const status = document.querySelector('.jp-Notebook-ExecutionIndicator, .jp-KernelStatus');
    const stderr = [...document.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')].map(e => e.textContent);
    const rendered = [...document.querySelectorAll('.jp-OutputArea-output .jp-RenderedText')]
        .map(e => e.textContent);
    const outputs = document.querySelectorAll('.jp-OutputArea-output').length;
    const kernelName = (document.querySelector('.jp-KernelName') || {}).textContent || '';
    return {cells: cells.length, prompts, outputs, stderr, rendered, kernelName,
            status: indicator ? indicator.getAttribute('data-status') : null,
            statusText: status ? status.textContent : ''};
})()"""


def _errors(state: dict) -> list[str]:
    return [text[:2000] for text in state["stderr"] + state["rendered"] if ERROR_LINE.search(text)]


def run_notebook_in_browser(notebook: Path, tmp_path: Path, screenshot: Path, timeout: float = 600) -> dict:
    """Open ``notebook`` (a copy, next to it) in JupyterLab in headless Chromium, Run All Cells via the menu.

    Returns the final notebook state: ``prompts`` of the code cells, ``errors`` (texts of error outputs),
    and ``screenshot`` (path of the PNG).
    """
    chromium = _chromium()
    copy = notebook.with_name(f"_browser_check_{notebook.name}")
    shutil.copy(notebook, copy)
    token = secrets.token_hex(16)
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in [str(ROOT), os.environ.get("PYTHONPATH", "")] if p),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter_config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter_runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "lab_settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "lab_workspaces"),
    }
    # No news / update checks from the browser page.
    settings = tmp_path / "lab_settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    server_log = (tmp_path / "jupyter.log").open("wb")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--ServerApp.token={token}",
            "--ServerApp.password=",
            "--allow-root",
            f"--ServerApp.root_dir={ROOT}",
            "--ServerApp.port_retries=0",
            "--LabApp.news_url=",
            "--MappingKernelManager.cull_idle_timeout=0",
        ],
        cwd=ROOT,
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    browser = None
    devtools = None
    profile = tmp_path / "chromium_profile"
    try:
        base = f"http://127.0.0.1:{port}"

        def server_up() -> bool:
            if server.poll() is not None:
                raise RuntimeError(f"jupyter lab exited: {(tmp_path / 'jupyter.log').read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as response:
                    return response.status == 200
            except OSError:
                return False

        _wait(server_up, 90, "JupyterLab to start")
        browser = subprocess.Popen(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        active = profile / "DevToolsActivePort"
        _wait(lambda: active.exists() and active.read_text().strip(), 60, "Chromium's DevTools port")
        debug_port = int(active.read_text().split()[0])

        def page_target():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json", timeout=2) as response:
                    targets = json.load(response)
            except OSError:
                return None
            return next((t["webSocketDebuggerUrl"] for t in targets if t.get("type") == "page"), None)

        devtools = DevTools(_wait(page_target, 30, "a Chromium page"))
        devtools.send("Page.enable")
        devtools.send("Runtime.enable")
        relative = copy.relative_to(ROOT).as_posix()
        devtools.send("Page.navigate", url=f"{base}/lab/tree/{relative}?token={token}")

        def notebook_ready():
            state = devtools.js(STATE_JS)
            return state if state and state["cells"] > 0 and state["status"] == "idle" else None

        state = _wait(notebook_ready, 120, "the notebook to open with an idle kernel", interval=0.5)

        def kernel_idle() -> bool:
            request = f"{base}/api/sessions?token={token}"
            with urllib.request.urlopen(request, timeout=5) as response:
                sessions = json.load(response)
            return any(
                s.get("path", "").endswith(copy.name)
                and (s.get("kernel") or {}).get("execution_state") == "idle"
                for s in sessions
            )

        _wait(kernel_idle, 120, "the notebook's kernel to be idle", interval=0.5)
        time.sleep(1.0)

        def run_started() -> bool:
            prompts = devtools.js(STATE_JS)["prompts"]
            return any("*" in p or re.search(r"\[\d+\]", p) for p in prompts)

        for attempt in range(3):  # the first click can land while JupyterLab is still settling
            devtools.click_text(".lm-MenuBar-itemLabel", "Run")
            devtools.click_text(".lm-Menu-itemLabel", "Run All Cells")
            try:
                _wait(run_started, 20, "Run All Cells to start", interval=0.1)
                break
            except TimeoutError:
                devtools.send(
                    "Input.dispatchKeyEvent",
                    type="keyDown",
                    key="Escape",
                    code="Escape",
                    windowsVirtualKeyCode=27,
                )
                devtools.send(
                    "Input.dispatchKeyEvent",
                    type="keyUp",
                    key="Escape",
                    code="Escape",
                    windowsVirtualKeyCode=27,
                )
                if attempt == 2:
                    raise

        started = time.monotonic()
        last: dict = {}

        def finished():
            state = devtools.js(STATE_JS)
            last["state"] = state
            if not state or state["status"] != "idle" or any("*" in p for p in state["prompts"]):
                return None
            all_ran = all(re.search(r"\[\d+\]", p) for p in state["prompts"])
            # Run All stops at a failing cell; later cells keep an empty prompt.
            return state if all_ran or _errors(state) else None

        try:
            state = _wait(finished, timeout, "all cells to finish", interval=1.0)
        except TimeoutError as exc:
            raise TimeoutError(f"{exc}; last notebook state: {last.get('state')}") from None
        state["seconds"] = time.monotonic() - started
        time.sleep(1.0)  # let the last outputs (figures) render before the screenshot
        state = {**devtools.js(STATE_JS), "seconds": state["seconds"]}
        state["errors"] = _errors(state)
        shot = devtools.send("Page.captureScreenshot", format="png")
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        screenshot.write_bytes(base64.b64decode(shot["data"]))
        state["screenshot"] = screenshot
        return state
    finally:
        if devtools is not None:
            devtools.close()
        for process in (browser, server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=5)
        server_log.close()
        copy.unlink(missing_ok=True)
        copy.with_suffix(".py").unlink(missing_ok=True)  # a jupytext twin, if JupyterLab saved the copy
        shutil.rmtree(copy.parent / ".ipynb_checkpoints" / copy.name, ignore_errors=True)
        for checkpoint in (copy.parent / ".ipynb_checkpoints").glob(f"{copy.stem}-checkpoint*"):
            checkpoint.unlink(missing_ok=True)


class Chromium:
    """Headless Chromium on a blank page, driven over DevTools (``with Chromium(profile) as page: ...``)."""

    def __init__(self, profile: Path):
        self.profile = profile
        self.process = None
        self.page = None

    def __enter__(self) -> DevTools:
        self.process = subprocess.Popen(
            [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        active = self.profile / "DevToolsActivePort"
        _wait(lambda: active.exists() and active.read_text().strip(), 60, "Chromium's DevTools port")
        debug_port = int(active.read_text().split()[0])

        def page_target():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json", timeout=2) as response:
                    targets = json.load(response)
            except OSError:
                return None
            return next((t["webSocketDebuggerUrl"] for t in targets if t.get("type") == "page"), None)

        self.page = DevTools(_wait(page_target, 30, "a Chromium page"))
        self.page.send("Page.enable")
        self.page.send("Runtime.enable")
        return self.page

    def __exit__(self, *exc) -> None:
        if self.page is not None:
            self.page.close()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def _open(page: DevTools, path: Path) -> None:
    page.send("Page.navigate", url=path.resolve().as_uri())
    _wait(lambda: page.js("document.readyState") == "complete", 30, f"{path.name} to load")


def _screenshot(page: DevTools, path: Path, height: int = 1600) -> Path:
    page.send(
        "Emulation.setDeviceMetricsOverride", width=1400, height=height, deviceScaleFactor=1, mobile=False
    )
    shot = page.send("Page.captureScreenshot", format="png")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


INDEX_JS = """(() => [...document.querySelectorAll('.card')].map(card => {
    const img = card.querySelector('img');
    return {title: (card.querySelector('h2') || {}).textContent || '',
            description: (card.querySelector('p') || {}).textContent || '',
            links: [...card.querySelectorAll('a')].map(a => a.getAttribute('href')),
            image: img ? img.naturalWidth : null,
            marks: card.querySelectorAll('.na-quote, mark.na-gov').length};
}))()"""

# For every highlight: its hover text, what the pointer finds at its centre, and its drawn colour.
EVIDENCE_JS = """(() => {
    const info = el => {
        const r = el.getBoundingClientRect();
        el.scrollIntoView({block: 'center'});
        const box = el.getClientRects()[0];  // the first line of the mark
        const x = box.left + Math.min(box.width / 2, 4), y = box.top + box.height / 2;
        const under = document.elementFromPoint(x, y);
        const hovered = under && el.contains(under) ? under.closest('[title]') : null;
        const style = getComputedStyle(el);
        return {id: el.dataset.quote ?? el.dataset.mention, start: +el.dataset.start, end: +el.dataset.end,
                text: el.textContent, title: el.title, counted: el.dataset.counted,
                cls: el.className, visible: r.width > 0 && r.height > 0,
                hoverTitle: hovered ? hovered.title : null,
                background: style.backgroundColor, border: style.borderTopColor};
    };
    return {quotes: [...document.querySelectorAll('.na-text .na-quote')].map(info),
            mentions: [...document.querySelectorAll('.na-text mark.na-gov')].map(info),
            text: document.querySelector('.na-text').textContent};
})()"""


def _needs_browser() -> None:
    if _chromium() is None:
        pytest.skip(
            "Chromium is not installed (Debian: apt-get install chromium); set CHROMIUM=/path to use another"
        )
    pytest.importorskip("websocket", reason="needs websocket-client (installed with jupyterlab)")
    pytest.importorskip("jupyterlab")


def _write_notebook(path: Path, cells: list[str]) -> Path:
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    return path


@pytest.mark.slow
def test_notebook_01_runs_in_jupyterlab_in_chromium(tmp_path):
    _needs_browser()
    if not NOTEBOOK.exists():
        pytest.fail(f"{NOTEBOOK.relative_to(ROOT)} is missing")
    screenshot = SCREENSHOTS / "01_text_statistics.png"
    state = run_notebook_in_browser(NOTEBOOK, tmp_path, screenshot)
    assert state["errors"] == [], "\n\n".join(state["errors"])
    assert state["prompts"] and all(re.search(r"\[\d+\]", p) for p in state["prompts"]), state["prompts"]
    assert state["outputs"] > 0
    assert screenshot.stat().st_size > 10_000


@pytest.mark.slow
def test_browser_check_sees_errors(tmp_path):
    """The harness itself: a notebook whose second cell fails is reported, and Run All stops there."""
    _needs_browser()
    folder = ROOT / "notebooks"
    folder.mkdir(exist_ok=True)
    notebook = _write_notebook(
        tmp_path / "check.ipynb",
        [
            "import analysis\n"
            "print('sentences:', "
            "len(analysis.Article.from_text('Seoul pressed China. It failed.').sentences))",
            "raise ValueError('deliberate failure for the browser check')",
            "print('never runs')",
        ],
    )
    target = folder / "zz_browser_harness.ipynb"
    shutil.copy(notebook, target)
    try:
        state = run_notebook_in_browser(target, tmp_path, tmp_path / "harness.png", timeout=120)
    finally:
        target.unlink(missing_ok=True)
    assert (
        any("sentences: 2" in text for text in state["rendered"] + state["stderr"]) or state["outputs"] >= 2
    )
    assert len(state["errors"]) == 1 and "deliberate failure" in state["errors"][0]
    assert re.search(r"\[\d+\]", state["prompts"][0]) and not re.search(r"\[\d+\]", state["prompts"][2])


@pytest.mark.slow
def test_report_index_and_evidence_view_in_chromium(tmp_path, seed):
    """The report's index and the seed's evidence view, as a reader's browser shows them."""
    _needs_browser()
    from analysis.quotes import quotes_for_article
    from analysis.report import build_report
    from analysis.stance import government_mentions

    reports = tmp_path / "reports"
    build_report(ROOT / "notebooks", ROOT / "figures", reports, execute=False, log=lambda line: None)
    with Chromium(tmp_path / "chromium_profile") as page:
        _open(page, reports / "index.html")
        cards = page.js(INDEX_JS)
        notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        assert len(cards) == len(notebooks) + 1, cards  # one card per notebook and one for the evidence view
        for card, notebook in zip(cards, notebooks, strict=False):
            assert card["title"].startswith(notebook.stem[:2] + " · ") and len(card["description"]) > 40
            assert card["image"] and card["image"] > 200, f"{notebook.stem}: thumbnail did not load"
            assert f"{notebook.stem}.html" in card["links"] and f"{notebook.stem}.code.html" in card["links"]
        assert cards[-1]["title"].startswith("Evidence view") and cards[-1]["marks"] > 5
        body = page.js("document.body.innerText")
        assert "PosixPath" not in body
        _screenshot(page, SCREENSHOTS / "index.png", height=1300)

        _open(page, reports / "evidence_seed.html")
        view = page.js(EVIDENCE_JS)
        assert view["text"] == seed.text
        quotes = quotes_for_article(seed)
        drawn = {}
        for mark in view["quotes"]:
            drawn.setdefault(int(mark["id"]), []).append(mark)
        assert sorted(drawn) == list(range(len(quotes))) == list(range(12))
        for i, q in enumerate(quotes):
            marks = drawn[i]
            assert "".join(m["text"] for m in marks) == q.text and marks[0]["visible"]
            assert (marks[0]["start"], marks[0]["end"]) == (q.start, q.end)
            for line in (
                f"source: {q.speaker or '(unresolved)'}",
                f"type: {q.speaker_type}",
                f"cue: {q.cue}",
                f"kind: {q.kind}",
            ):
                assert line in marks[0]["title"]
            assert f"affiliation: {q.affiliation or 'not stated'}" in marks[0]["title"]
            assert marks[0]["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
            assert marks[0]["hoverTitle"], f"nothing to hover at attribution {i}"
        mentions = government_mentions(seed)
        shown = {int(m["id"]): m for m in view["mentions"]}
        assert sorted(shown) == list(range(len(mentions))) == list(range(41))
        red = "rgb(192, 57, 43)"
        for i, m in enumerate(mentions.to_dict("records")):
            mark = shown[i]
            assert mark["text"] == m["mention"] and mark["visible"] and mark["hoverTitle"]
            assert mark["title"].startswith(m["government"]) and "reason: " in mark["title"]
            assert mark["counted"] == ("yes" if m["is_government"] else "no")
            if "na-negative" in mark["cls"]:
                assert mark["border"] == red and "target sentiment: negative" in mark["title"]
            if m["is_government"]:
                assert "voice: " in mark["title"] and "score " in mark["title"]
        _screenshot(page, SCREENSHOTS / "evidence_seed.png", height=1500)
    assert (SCREENSHOTS / "index.png").stat().st_size > 20_000
    assert (SCREENSHOTS / "evidence_seed.png").stat().st_size > 20_000
