"""axe-core (from npm) checks of the page a journey is on, at desktop and narrow widths."""

import json
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text()
WIDTHS = ({"width": 1280, "height": 900}, {"width": 320, "height": 640})
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page: Page) -> list[dict[str, object]]:
    result = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return results.violations;
        }""",
        RULES,
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result
    ]


def assert_accessible(page: Page) -> None:
    """No axe-core violation at 1280 px and at 320 px wide; the page must not scroll sideways."""
    original = page.viewport_size
    try:
        for size in WIDTHS:
            page.set_viewport_size(size)
            violations = axe_violations(page)
            assert violations == [], (
                f"axe-core found problems on {page.url} at {size['width']} px:\n"
                + json.dumps(violations, indent=2)
            )
            if size["width"] == 320:
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px at 320 px wide"
    finally:
        if original:
            page.set_viewport_size(original)
