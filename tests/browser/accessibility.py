"""What the accessibility tests check on a page of the dashboard, in the browser.

- :func:`axe_violations`: axe-core (vendored by the ``axe-playwright-python``
  package, injected into the page: nothing is fetched at test time) on the whole
  page, every rule of WCAG 2.0-2.2 A and AA and axe's best practices.
- :func:`sideways_scrollers`: boxes inside the dashboard that scroll sideways
  (WCAG 1.4.10), and whether the page itself does at a laptop's width.
- :func:`focus_ring`: how the element the keyboard is on shows it, with the
  contrast of its outline against what is behind it (WCAG 2.4.7 and 1.4.11).
"""

from __future__ import annotations

from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it stands, each with the nodes concerned."""
    return _AXE.run(page).response["violations"]


def describe(violations: list[dict]) -> str:
    """The violations as lines a developer can act on."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']} {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')[:300]}")
    return "\n".join(lines)


def assert_accessible(page, state: str) -> None:
    """No axe violation and nothing scrolling sideways in ``state`` of the dashboard."""
    violations = axe_violations(page)
    assert not violations, f"axe-core, {state}:\n{describe(violations)}"
    scrollers = sideways_scrollers(page)
    assert not scrollers, f"{state}: these scroll sideways: {scrollers}"


_SCROLLERS = """() => {
  const found = [];
  const page = document.scrollingElement;
  if (page.scrollWidth > page.clientWidth + 1) found.push(`the page (${page.scrollWidth}px wide)`);
  for (const box of document.querySelectorAll('.wb-root *')) {
    const style = getComputedStyle(box);
    if (!['auto', 'scroll'].includes(style.overflowX)) continue;
    if (box.scrollWidth > box.clientWidth + 1 && box.clientWidth > 0) {
      const name = box.className && box.className.toString ? box.className.toString() : box.tagName;
      found.push(`${box.tagName.toLowerCase()}.${name.split(' ').slice(0, 4).join('.')} `
        + `(${box.scrollWidth} > ${box.clientWidth})`);
    }
  }
  return found;
}"""


def sideways_scrollers(page) -> list[str]:
    """Boxes in the dashboard (and the page itself) whose content is wider than they are."""
    return page.evaluate(_SCROLLERS)


@dataclass(frozen=True)
class FocusRing:
    """How the focused element shows focus."""

    element: str
    width: float
    colour: tuple[int, int, int]
    behind: tuple[int, int, int]

    @property
    def contrast(self) -> float:
        return contrast_ratio(self.colour, self.behind)


_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const rgb = (text) => (text.match(/\\d+(\\.\\d+)?/g) || []).map(Number);
  const style = getComputedStyle(el);
  let behind = [255, 255, 255];
  for (let node = el.parentElement; node; node = node.parentElement) {
    const colour = rgb(getComputedStyle(node).backgroundColor);
    if (colour.length >= 3 && (colour.length < 4 || colour[3] > 0.5)) {
      behind = colour.slice(0, 3);
      break;
    }
  }
  const label = el.getAttribute('aria-label') || el.textContent || el.value || '';
  return {
    element: `${el.tagName.toLowerCase()}[${el.getAttribute('role') || el.type || ''}] `
      + label.trim().slice(0, 40),
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth) || 0,
    colour: rgb(style.outlineColor).slice(0, 3),
    behind,
  };
}"""


def focus_ring(page) -> FocusRing | None:
    """The focused element's outline (None when nothing but the page has focus)."""
    found = page.evaluate(_FOCUS)
    if found is None:
        return None
    width = found["width"] if found["style"] not in ("none", "hidden") else 0.0
    return FocusRing(found["element"], width, tuple(found["colour"]), tuple(found["behind"]))


def _luminance(colour: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """WCAG's contrast ratio between two sRGB colours (1 to 21)."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
