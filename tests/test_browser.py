"""The scorecard as a person sees it: headless Chromium, driven by Playwright.

Needs a Chromium binary (Debian's `chromium` package, which `.ci/run` installs; or set
EQM_CHROMIUM to a Chrome or Chromium executable). Without one these tests skip and say why.
Screenshots and a print PDF are saved under test-artifacts/browser/ (EQM_TEST_ARTIFACTS to move it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.render import render_scorecard
from engine.spec.benchmarks import BenchmarksFile
from tests.test_render import HOSTILE, context

ROOT = Path(__file__).parent.parent
ARTIFACTS = Path(os.environ.get("EQM_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "browser"
WIDTHS = (1280, 390)
# Flags for a machine with no display, no sandbox privileges and no network.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def find_chromium() -> str | None:
    configured = os.environ.get("EQM_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    return next((path for name in ("chromium", "chromium-browser", "google-chrome") if (path := shutil.which(name))), None)


playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium found: install Debian's chromium package (apt-get install chromium) or set EQM_CHROMIUM to a Chromium executable"
)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


class Watched:
    """A page that records console errors, uncaught errors, dialogs and any request off the file."""

    def __init__(self, browser, width: int) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("request", lambda request: self.requests.append(request.url))

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())

    def overflow(self) -> int:
        """How far the page is wider than the window (0: no horizontal scrolling)."""
        return self.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()


def save(page, name: str, selector: str | None = None) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if selector:
        page.locator(selector).first.screenshot(path=str(path))
    else:
        page.screenshot(path=str(path))
    return path


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", ["internal", "public"])
def test_sample_scorecard(browser, sample_run: Path, public_run: Path, view: str, width: int) -> None:
    watched = Watched(browser, width)
    watched.open((sample_run if view == "internal" else public_run) / "scorecard.html")
    assert watched.errors == [], "console errors"
    assert watched.overflow() <= 0, f"the page scrolls sideways at {width} px"
    assert all(url.startswith("file:") for url in watched.requests), f"requests off the file: {watched.requests}"
    assert watched.count("nav[aria-label='Contents']") == 1
    assert watched.count("#plans-compared table.plan-comparison") == 1
    assert watched.count("section.measure") == 11 and watched.count("section.plan") == 4
    assert watched.count("figure.chart svg[role='img']") >= 3 * 26, "race, income and plan charts for every rate"
    assert watched.count("table.grid-table") == 26 and watched.count("p.finding") >= 3 * 26
    assert watched.count("#methodology .methodology") == 11 and watched.count("#data-notes table") == 1
    banner = watched.page.locator("p.banner").inner_text()
    assert ("Public view" in banner) == (view == "public")
    if view == "public":
        assert watched.count("text=would be suppressed") == 0
    else:
        assert watched.count("dl.disparities") > 0
    save(watched.page, f"{view}-{width}-top")
    save(watched.page, f"{view}-{width}-first-rate", "article.rate")
    save(watched.page, f"{view}-{width}-plan-view", "section.plan")
    watched.page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_trends_and_attrition(browser, trend_run: Path, width: int) -> None:
    watched = Watched(browser, width)
    watched.open(trend_run / "scorecard.html")
    assert watched.errors == [] and watched.overflow() <= 0
    assert watched.count("figure.trend svg[role='img']") >= 3 * 3, "overall, race and income trends for each of the three rates"
    assert watched.count("table.attrition") == 3
    # Every line label and period label is drawn inside its chart, not cut off at the edge.
    outside = watched.page.evaluate("""() => [...document.querySelectorAll('figure.trend svg')].flatMap(svg => {
        const width = svg.viewBox.baseVal.width, height = svg.viewBox.baseVal.height;
        return [...svg.querySelectorAll('text')].map(text => text.getBBox()).filter(box => box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height).map(box => JSON.stringify(box));
    })""")
    assert outside == [], outside[:5]
    save(watched.page, f"trend-{width}", "figure.trend")
    save(watched.page, f"attrition-{width}", "table.attrition")
    watched.page.close()


def test_print_layout(browser, public_run: Path) -> None:
    watched = Watched(browser, 1280)
    watched.open(public_run / "scorecard.html")
    watched.page.emulate_media(media="print")
    assert watched.page.evaluate("getComputedStyle(document.querySelector('nav')).display") == "none", "the contents list is not printed"
    assert watched.page.evaluate("getComputedStyle(document.querySelector('.chart svg')).minWidth") == "0px", "charts shrink to the paper"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    watched.page.pdf(path=str(ARTIFACTS / "public-scorecard.pdf"), format="Letter", print_background=True)
    assert (ARTIFACTS / "public-scorecard.pdf").stat().st_size > 10_000
    assert watched.errors == []
    watched.page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_markup_in_names_is_shown_as_text(browser, tmp_path: Path, width: int) -> None:
    page_file = tmp_path / "hostile.html"
    program = BenchmarksFile.model_validate({
        "program": HOSTILE, "benchmarks": [{"measure": "m", "rate": "r", "benchmark": 60, "source": HOSTILE}],
        "equity_targets": [{"measure": "m", "rate": "r", "stratifier": "race_ethnicity", "rule": "benchmark_in_every_stratum"}],
        "roll_up": {"required": 1, "withhold": {HOSTILE: 1000}},
    })
    page_file.write_text(render_scorecard(context(HOSTILE, program=program)), encoding="utf-8")
    watched = Watched(browser, width)
    watched.open(page_file)
    assert watched.dialogs == [], "a script from the data ran"
    assert watched.page.evaluate("document.scripts.length") == 0
    assert HOSTILE in watched.page.locator("#plan-views").inner_text(), "the plan's name is shown as typed"
    assert HOSTILE in watched.page.locator("#contract table.roll-up").inner_text()
    assert watched.errors == [] and watched.overflow() <= 0
    save(watched.page, f"hostile-names-{width}")
    watched.page.close()
