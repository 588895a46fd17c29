"""What a page costs a student's browser: `python -m bench.page_bytes [--checkout PATH]`.

Serves a checkout (this one by default) with `flask run` on a fresh SQLite database, and drives
Debian's Chromium, which has no Chinese font here (as on many students' machines), through typical
pages. For each page it prints the bytes transferred (the browser's `transferSize`: headers and body
as sent, compressed or not) by the page itself, its stylesheets and scripts, and its hanzi fonts:
- cold: a logged-in student with an empty browser cache opens the page;
- again: the same student opens the page once more (the returning student);
and then a short visit: the pages of ten Kidney points (each a record, as on a card's back) in a row,
from an empty cache.
Run it on another checkout (`git archive main | tar -x -C /tmp/main`) to compare.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from studyapp.config import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = {
    "log-in page (logged out)": "/login",
    "study card, answer shown (Kidney)": "/study/kidney?show=1",
    "point list (first page)": "/points",
    "deck page (Kidney, its points and pathway)": "/decks/kidney",
    "practice quiz (which point, Kidney)": "/quiz/practice?kind=which-point&channel=KI&seed=1",
}
# Every entry of the page's Performance timeline, as (kind, transferred bytes, URL, body size). A file
# downloaded costs its headers and body; one revalidated (304) only the headers (body 0); one cached nothing.
ENTRIES = """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .map(e => [e.entryType === 'navigation' ? 'page' : e.initiatorType, e.transferSize, e.name, e.encodedBodySize])"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(checkout: Path, workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(checkout), "DATABASE_URL": f"sqlite:///{workdir / 'bytes.sqlite'}"}
    flask = [sys.executable, "-m", "flask", "--app", "studyapp"]
    subprocess.run([*flask, "setup"], cwd=checkout, env=env, check=True, capture_output=True)
    server = subprocess.Popen([*flask, "run", "--port", str(port)], cwd=checkout, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"the server of {checkout} did not start")


def settle(page: Page) -> list[tuple[str, int, str, int]]:
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return [tuple(entry) for entry in page.evaluate(ENTRIES)]  # type: ignore[misc]


def sums(entries: list[tuple[str, int, str, int]]) -> dict[str, int]:
    """Bytes by kind, and how many font files came whole (not from the cache, nor a 304 revalidation)."""
    totals = {"page": 0, "css+js": 0, "fonts": 0, "font files": 0, "other": 0}
    for kind, size, url, body in entries:
        if kind == "page":
            totals["page"] += size
        elif url.endswith(".woff2"):
            totals["fonts"] += size
            totals["font files"] += 0 < body < size
        elif url.endswith((".css", ".js")) or kind in ("link", "script"):
            totals["css+js"] += size
        else:
            totals["other"] += size
    return totals


def student(browser: Browser, base: str) -> dict:  # type: ignore[type-arg]
    """A registered student with the Kidney deck chosen: the browser state to start each page from."""
    context = browser.new_context(timezone_id="UTC")
    page = context.new_page()
    page.goto(f"{base}/register")
    page.fill("#username", "bytes-student")
    page.fill("#password", "a long password")
    page.fill("#confirm", "a long password")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/decks/choose")
    page.check("input[value=kidney]")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    state = context.storage_state()
    context.close()
    return state  # type: ignore[return-value]


def fresh(browser: Browser, state: dict) -> BrowserContext:  # type: ignore[type-arg]
    return browser.new_context(timezone_id="UTC", storage_state=state)  # type: ignore[arg-type]


def row(label: str, cold: dict[str, int], again: dict[str, int]) -> str:
    total = sum(value for key, value in cold.items() if key != "font files")
    return (f"| {label} | {cold['page'] / 1000:.1f} | {cold['css+js'] / 1000:.1f} | "
            f"{cold['fonts'] / 1000:.1f} ({cold['font files']}) | **{total / 1000:.1f}** | "
            f"{sum(v for k, v in again.items() if k != 'font files') / 1000:.1f} |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.page_bytes", description=__doc__.split("\n")[0])
    parser.add_argument("--checkout", type=Path, default=PROJECT_ROOT, help="the source tree to serve")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="studyapp-bytes-") as workdir:
        server, base = serve(args.checkout.resolve(), Path(workdir))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                state = student(browser, base)
                print(f"{args.checkout}: kB transferred (fonts: kB, and files downloaded)\n")
                print("| page | page itself | CSS and JS | hanzi fonts | cold total | again |")
                print("|---|---:|---:|---:|---:|---:|")
                for label, path in PAGES.items():
                    context = fresh(browser, {} if path == "/login" else state)
                    page = context.new_page()
                    page.goto(base + path)
                    cold = sums(settle(page))
                    page.goto(base + path)
                    again = sums(settle(page))
                    print(row(label, cold, again))
                    context.close()
                context = fresh(browser, state)
                page = context.new_page()
                session = {"page": 0, "css+js": 0, "fonts": 0, "font files": 0, "other": 0}
                for number in range(1, 11):
                    page.goto(f"{base}/points/KI-{number}")
                    for key, value in sums(settle(page)).items():
                        session[key] += value
                total = sum(value for key, value in session.items() if key != "font files")
                print(f"\nten point pages in a row (KI-1 to KI-10), from an empty cache: {total / 1000:.1f} kB "
                      f"(pages {session['page'] / 1000:.1f}, CSS and JS {session['css+js'] / 1000:.1f}, "
                      f"fonts {session['fonts'] / 1000:.1f}, {session['font files']} files downloaded)")
                context.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
