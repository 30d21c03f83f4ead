"""The dashboard's small stylesheet, delivered as an HTML widget.

Kept to layout and readability at a laptop width; colours stay close to
JupyterLab's light theme so widgets and text match.  It is where WCAG 2.2 AA is
met for every page at once, including pages written later:

* every control shows where the keyboard is: a 3 px outline of #0b57d0, 6.9:1
  against the white page (2.4.7, 2.4.11; 3:1 is the minimum);
* the edges of text boxes, dropdowns and buttons are #767676, 4.5:1 (1.4.11), and
  placeholder text #5f6368, 6.3:1, so a reviewer can see what is a control;
* text colours are 4.5:1 or more on their backgrounds (1.4.3);
* a name kept for screen readers only (``pages.named(..., visible=False)``) is
  clipped out of sight but still read out;
* boxes grow with what is in them, so no card, row or question scrolls sideways
  (1.4.10): ipywidgets' boxes scroll by default, and a control's 2 px margin on
  a 100 % width was enough to make every card scroll by a few pixels.
"""

from __future__ import annotations

import ipywidgets as widgets

CSS = """
.wb-root { max-width: 72rem; margin: 0 auto; padding: 0 1rem; font-size: 14px; }
.wb-root h1 { font-size: 1.5rem; margin: 0.5rem 0; }
.wb-root h2 { font-size: 1.2rem; margin: 0.75rem 0 0.25rem; }
.wb-root .widget-html-content { line-height: 1.4; }
.wb-root .wb-message { padding: 0.5rem 0.75rem; margin: 0.25rem 0; border-radius: 4px; }
.wb-root .wb-error { background: #fdecea; border: 1px solid #f5c2c0; color: #611a15; }
.wb-root .wb-info { background: #e8f4fd; border: 1px solid #b6dcf7; color: #0d3c61; }
.wb-root .wb-warning-box { background: #fff8e1; border: 2px solid #b26a00; color: #3d2600; }
.wb-root .wb-traceback { font-size: 12px; white-space: pre-wrap; }
.wb-root .wb-row { border-bottom: 1px solid #e0e0e0; align-items: center; }
.wb-root .wb-row-head { border-bottom: 2px solid #bdbdbd; }
.wb-root .wb-facts th { text-align: left; padding: 0.15rem 1rem 0.15rem 0; font-weight: 600; }
.wb-root .wb-facts td { padding: 0.15rem 0; }
.wb-root .wb-document { white-space: pre-wrap; overflow-wrap: break-word; word-break: normal;
  font-family: inherit;
  background: #fafafa; border: 1px solid #e0e0e0; padding: 0.75rem; max-height: 32rem;
  overflow-y: auto; line-height: 1.4; margin: 0; }
/* Cases page */
.wb-root .wb-overdue .wb-days-left { color: #b00020; font-weight: 700; }
.wb-root .wb-overdue { background: #fff4f4; }
.wb-root .wb-status-completed { color: #1b5e20; }
.wb-root .wb-status-in-progress { color: #0d3c61; font-weight: 600; }
.wb-root .wb-new-case { background: #fffde7; }
.wb-root .wb-upload { margin-top: 1rem; border-top: 1px solid #e0e0e0; }
.wb-root .wb-upload-limit p { margin: 0.25rem 0 0.5rem; }
/* Searches, Procedure, Outcome and letter */
.wb-root .wb-section { margin-top: 0.5rem; }
.wb-root .wb-section h3 { font-size: 1.05rem; margin: 0.75rem 0 0.25rem; }
.wb-root .wb-hint { color: #455a64; font-size: 13px; }
.wb-root .wb-hint ul, .wb-root .wb-missing { margin: 0.25rem 0; padding-left: 1.25rem; }
.wb-root .wb-search { border-bottom: 1px solid #e0e0e0; padding: 0.25rem 0; }
.wb-root .wb-search-added { background: #f3f8ff; }
.wb-root .wb-cell span { overflow-wrap: break-word; }
.wb-root .wb-late { color: #b00020; }
.wb-root .wb-on-time { color: #1b5e20; }
.wb-root .wb-downloads a { color: #0b57d0; text-decoration: underline; }
/* Accessibility, for every page (see the module's docstring) */
.wb-root :is(input, select, textarea, button, summary, a, [tabindex]):focus-visible,
.wb-root :is(input[type="text"], input[type="date"], textarea, select):focus,
.wb-root input[type="date"]:focus-within {
  outline: 3px solid #0b57d0 !important; outline-offset: 1px; }
.wb-root .widget-text input, .wb-root .widget-textarea textarea,
.wb-root .widget-dropdown select, .wb-root .widget-datepicker input {
  border: 1px solid #767676 !important; color: #1f1f1f; }
.wb-root :is(input, textarea)::placeholder { color: #5f6368; opacity: 1; }
.wb-root .jupyter-button { border: 1px solid #767676; color: #1f1f1f; min-width: max-content; }
.wb-root .jupyter-button.mod-primary, .wb-root .jupyter-button.mod-success {
  border-color: transparent; color: #ffffff; }
.wb-root .jupyter-button.mod-primary { background: #0b57d0; }
.wb-root .jupyter-button.mod-success { background: #1e6b30; }
.wb-root .jupyter-button:disabled { border-color: #c4c4c4; }
.wb-root .widget-label { color: #1f1f1f; }
.wb-root .wb-named.wb-caption > .widget-label { font-weight: 700; text-align: left; }
.wb-root .wb-name-hidden > .widget-label { position: absolute !important; width: 1px !important;
  height: 1px !important; margin: -1px !important; padding: 0 !important; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.wb-root .widget-box, .wb-root .widget-gridbox { overflow: visible; }
.wb-root .widget-hbox > *, .wb-root .widget-gridbox > * { min-width: 0; }
.wb-root .wb-response-panel { margin: 0.5rem 0; border: 1px solid #767676; border-radius: 4px; }
.wb-root .wb-response-panel > summary { cursor: pointer; padding: 0.4rem 0.75rem;
  font-weight: 700; background: #f3f3f3; color: #1f1f1f; }
.wb-root .wb-response-panel[open] > summary { border-bottom: 1px solid #767676; }
.wb-root .wb-response-panel .wb-document { border: none; margin: 0; }
.wb-root .wb-field-note .wb-error-text { color: #b3261e; font-weight: 600; }
"""


def stylesheet() -> widgets.HTML:
    """The stylesheet as a widget to put first in the page."""
    return widgets.HTML(f"<style>{CSS}</style>", layout=widgets.Layout(display="none"))
