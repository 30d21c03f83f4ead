"""The reviewer's dashboard: ipywidgets pages over the workbench's model.

The notebook ``notebooks/review.ipynb`` imports :func:`app` in its first cell
and shows what ``app()`` returns in its second; nothing here calls
``display``.  The dashboard holds no rules and no state of its own: pages show
and edit the model, and errors become messages (see ``messages``).

What the first page needs is imported with this package, so that with Voila's
kernel preheating it is loaded before anyone asks for the page.  Anything
heavier (the store, the exports, pandas) belongs to the page that needs it and
is imported when that page opens, so it never delays the first paint.
"""

from __future__ import annotations

import os

import ipywidgets as widgets

from .frame import Dashboard

__all__ = ["app", "show", "wait_for_page_request"]


def app() -> widgets.Widget:
    """Build the dashboard and return its root widget (the notebook shows it).

    It opens where the reviewer was (the case and tab last shown), else on the list
    of cases; that place is read only once the page is requested.
    """
    wait_for_page_request()
    dashboard = Dashboard()
    dashboard.messages.guard(dashboard.resume)()
    return dashboard.widget


#: The name the dashboard issue's plan uses; the same as :func:`app`.
show = app


def wait_for_page_request() -> None:
    """With Voila's kernel preheating, wait until a reviewer actually opens the page.

    A preheated kernel runs the notebook before anyone asks for it, possibly
    hours earlier, so anything read before this returns (the list of cases, a
    reviewer's saved work, the page's query string) could be stale or missing.
    Without preheating (and outside Voila) it returns at once.
    """
    if os.environ.get("VOILA_PREHEAT") != "True":
        return
    from voila.utils import wait_for_request

    wait_for_request()
