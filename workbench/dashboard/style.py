"""The dashboard's small stylesheet, delivered as an HTML widget.

Kept to layout and readability at a laptop width; colours stay close to
JupyterLab's light theme so widgets and text match.
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
.wb-root .wb-traceback { font-size: 12px; white-space: pre-wrap; }
.wb-root .wb-row { border-bottom: 1px solid #e0e0e0; align-items: center; }
.wb-root .wb-row-head { border-bottom: 2px solid #bdbdbd; }
.wb-root .wb-facts th { text-align: left; padding: 0.15rem 1rem 0.15rem 0; font-weight: 600; }
.wb-root .wb-facts td { padding: 0.15rem 0; }
.wb-root .wb-document { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit;
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
.wb-root .wb-cell span { overflow-wrap: anywhere; }
.wb-root .wb-late { color: #b00020; }
.wb-root .wb-on-time { color: #1b5e20; }
.wb-root .wb-downloads a { color: #0b57d0; text-decoration: underline; }
"""


def stylesheet() -> widgets.HTML:
    """The stylesheet as a widget to put first in the page."""
    return widgets.HTML(f"<style>{CSS}</style>", layout=widgets.Layout(display="none"))
