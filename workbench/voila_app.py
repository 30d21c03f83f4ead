"""The dashboard's web server: Voila with a gate in front of every route.

``workbench serve`` runs ``python -m workbench.voila_app`` instead of
``python -m voila``.  The application is Voila's own, configured by the file
``workbench.serve`` writes, except that every request handler Voila registers
is wrapped in :class:`Gate` before the server starts, so a route added by a
later Voila is gated too.  The gate:

1. refuses (403) any request whose ``Host`` header is not one of the names
   the server may be reached by (:func:`host_allowed`).  Without this a page on
   another site can rebind its own DNS name to this machine and then read and
   drive the dashboard as if it were same-origin (DNS rebinding);
2. requires the token, or the login cookie the token sets, on every route
   whenever a token is configured.  Voila checks it on the page and the
   kernels, but serves its files (the exported letters and the spreadsheet
   holding the audit trail) and its assets to anyone.  Left open are the
   login form and the style sheets and images it shows (Voila's own
   ``voila/static`` files, the same in every installation, holding no case
   data), and the socket on which Voila's preheated kernels learn that their
   page was requested, which accepts connections from this machine only;
3. serves exports only as regular files inside the output folder: a link
   placed there (say, to the store) is refused, whatever it points to.
"""

from __future__ import annotations

import inspect
import logging
import os
import re
from pathlib import Path

import tornado.web
from jupyter_server.base.handlers import JupyterHandler
from traitlets import List, Unicode
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.static_file_handler import AllowListFileHandler, MultiStaticFileHandler

from .serve import LOOPBACK_NAMES, host_allowed, is_loopback


def is_inside(folder: Path, path: Path) -> bool:
    """True when ``path`` is a regular file in ``folder`` reached through no link."""
    if not path.is_relative_to(folder):
        return False
    current = folder
    for part in path.relative_to(folder).parts:
        current = current / part
        if current.is_symlink():
            return False
    return path.is_file() and Path(os.path.realpath(path)).is_relative_to(folder)


class Gate:
    """Mixed in front of each of Voila's handlers: the Host check and the token."""

    #: Set per route by :meth:`WorkbenchVoila.init_handlers`.
    gate_allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES
    gate_listening_on: str = "127.0.0.1"
    gate_needs_login: bool = True

    async def prepare(self, *args, **kwargs):
        if not host_allowed(self.request.host, self.gate_allowed_hosts, self.gate_listening_on):
            self._refuse(f"Refusing a request for host {self.request.host!r}")
            return None
        result = super().prepare(*args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        if self._finished or not self.gate_needs_login:
            return result
        if self.current_user is None:
            if self.request.method in ("GET", "HEAD"):
                # Like Jupyter's own pages: the login form, then back here.
                return tornado.web.authenticated(lambda handler: None)(self)
            self._refuse("Refusing an unauthenticated request")
            return None
        return result

    def _refuse(self, why: str) -> None:
        """Answer 403 without Jupyter's error template, which needs settings Voila lacks."""
        self.current_user = self._jupyter_current_user = None
        logging.getLogger("tornado.access").warning(
            "%s: %s %s", why, self.request.method, self.request.path
        )
        self.set_status(403)
        self.set_header("Content-Type", "text/plain; charset=UTF-8")
        self.finish("403: Forbidden\n")


class ExportFileHandler(AllowListFileHandler):
    """Voila's allow-list file handler, refusing links and anything outside the output folder."""

    def initialize(self, output_dir: str = "", **kwargs):
        self.output_dir = Path(output_dir).resolve() if output_dir else None
        super().initialize(**kwargs)

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        checked = super().validate_absolute_path(root, absolute_path)
        if self.output_dir is None or not is_inside(self.output_dir, Path(absolute_path)):
            raise tornado.web.HTTPError(403, "Not a file in the output folder")
        return checked


class KernelCallbackHandler(RequestInfoSocketHandler):
    """The socket a preheated kernel waits on: only processes on this machine may connect."""

    gate_listening_on: str = "127.0.0.1"

    def prepare(self):
        peer = self.request.remote_ip or ""
        if not (is_loopback(peer) or peer == self.gate_listening_on):
            raise tornado.web.HTTPError(403)


class WorkbenchVoila(Voila):
    """Voila with every route behind :class:`Gate` (see the module's docstring)."""

    allowed_hosts = List(
        Unicode(),
        default_value=list(LOOPBACK_NAMES),
        config=True,
        help="Host names and addresses the dashboard may be reached by; any other gets 403.",
    )
    output_dir = Unicode(
        "",
        config=True,
        help="The output folder: only regular files inside it, reached through no link, "
        "are served.",
    )

    def init_handlers(self) -> list:
        return [self._gated(spec) for spec in super().init_handlers()]

    def _gated(self, spec: tuple) -> tuple:
        pattern, handler, *rest = spec
        kwargs = dict(rest[0]) if rest else {}
        provider = self.identity_provider
        public = (MultiStaticFileHandler, provider.login_handler_class)
        needs_login = not issubclass(handler, (*public, provider.logout_handler_class))
        if issubclass(handler, RequestInfoSocketHandler):
            handler, needs_login = KernelCallbackHandler, False
        elif issubclass(handler, AllowListFileHandler):
            handler = ExportFileHandler
            kwargs["output_dir"] = self.output_dir
        bases: tuple[type, ...] = (Gate, handler)
        if needs_login and not issubclass(handler, JupyterHandler):
            # Jupyter's handler knows the token and the login cookie.
            bases = (Gate, JupyterHandler, handler)
        name = "Gated" + re.sub(r"\W", "", handler.__name__)
        attributes = {
            "gate_allowed_hosts": tuple(self.allowed_hosts),
            "gate_listening_on": self.ip,
            "gate_needs_login": needs_login,
        }
        return (pattern, type(name, bases, attributes), kwargs)


main = WorkbenchVoila.launch_instance

if __name__ == "__main__":
    main()
