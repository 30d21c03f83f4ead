"""JupyterHub for an FOI review team: each signed-in reviewer gets their own dashboard.

Start it from the checkout (README, "For a team")::

    WORKBENCH_DB=postgresql://workbench:PASSWORD@db.example.org/foi_reviews \\
    WORKBENCH_DATA=/srv/foi/data \\
    .venv/bin/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

What it sets up, using JupyterHub's own parts rather than anything home-made:

* **The proxy** is JupyterHub's configurable-http-proxy, installed next to this file by
  ``npm install --prefix deploy/jupyterhub`` (or found on PATH).  The hub listens on
  ``WORKBENCH_HUB_URL`` (default ``http://127.0.0.1:8000``): put the organisation's HTTPS
  reverse proxy in front of it, or give an ``https://`` URL with ``c.JupyterHub.ssl_cert``
  and ``ssl_key`` in a config file of your own that loads this one.
* **Each user's server** is ``jupyterhub-singleuser`` (a Jupyter server that only its
  signed-in user can reach, through the hub's OAuth) opening straight on the dashboard, the
  workbench's ``notebooks/review.ipynb`` rendered by Voila's server extension.  Terminals
  are off, but like any JupyterHub server it still runs code its own user sends it, so the
  store trusts the people given accounts (README, "For a team").  Every server points at
  the same store (``WORKBENCH_DB``, a PostgreSQL URL) and
  the same cases folder (``WORKBENCH_DATA``); the dashboard records the signed-in name in
  the audit trail (``JUPYTERHUB_USER``, see ``workbench/roles.py``).
* **The spawner** is JupyterHub's ``SimpleLocalProcessSpawner``: every user's server runs
  on this machine as the account running the hub, which is the one account that needs to
  read the cases folder and reach the database.  To give each user an operating-system
  account or a container instead, set ``c.JupyterHub.spawner_class`` to
  ``LocalProcessSpawner``, ``dockerspawner.DockerSpawner`` or ``kubespawner.KubeSpawner``
  and keep ``c.Spawner.cmd``, ``args``, ``default_url`` and ``environment`` from here.
* **Sign-in is left to the organisation.**  This file sets no authenticator, so JupyterHub
  uses its default, PAM (the machine's own accounts).  Most teams will sign in with the
  organisation's accounts instead: ``oauthenticator.azuread.AzureAdOAuthenticator``
  (Microsoft Entra ID), ``oauthenticator.generic.GenericOAuthenticator`` (Okta, Keycloak,
  Google Workspace or any OpenID Connect provider), or ``ldapauthenticator.LDAPAuthenticator``
  (Active Directory over LDAP), each installed with pip and set in a config file of your own
  that loads this one (see the README).  Who may sign in: the members of the roles file
  (``review_templates/roles.yaml``, or ``WORKBENCH_ROLES``) when there is one, else whoever the
  authenticator allows.

The hub's own state (its database of users and servers, cookie secret, proxy pid) goes in
``WORKBENCH_HUB_STATE`` (default ``<data>/hub``), apart from the reviews.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parent.parent
sys.path.insert(0, str(CHECKOUT))  # the workbench package, for its settings and team rules

from workbench import roles, settings  # noqa: E402

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file


def _store_url() -> str:
    url = os.environ.get("WORKBENCH_DB", "")
    if not url.startswith("postgresql"):
        raise SystemExit(
            "WORKBENCH_DB must be the team's PostgreSQL store "
            "(postgresql://USER:PASSWORD@HOST/DATABASE): every reviewer's server writes to it"
        )
    return url


def _proxy_command() -> list[str]:
    local = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
    if local.exists():
        return [str(local)]
    # Else JupyterHub's default; it says so if that is missing too (npm ci --prefix ...).
    return [shutil.which("configurable-http-proxy") or "configurable-http-proxy"]


data = settings.data_dir().resolve()
state = Path(os.environ.get("WORKBENCH_HUB_STATE") or data / "hub").resolve()
state.mkdir(parents=True, exist_ok=True)

# -- the hub and its proxy ------------------------------------------------------------------
c.JupyterHub.bind_url = os.environ.get("WORKBENCH_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.command = _proxy_command()
c.ConfigurableHTTPProxy.pid_file = str(state / "jupyterhub-proxy.pid")

# -- each user's dashboard ------------------------------------------------------------------
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(state / "users" / "{username}")
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.notebook_dir = str(CHECKOUT / "notebooks")
c.Spawner.default_url = "/voila/render/review.ipynb"
c.Spawner.args = [
    "--ServerApp.terminals_enabled=False",
    "--VoilaConfiguration.show_tracebacks=False",
]
c.Spawner.environment = {
    "WORKBENCH_DB": _store_url(),
    "WORKBENCH_DATA": str(data),
    "WORKBENCH_OUTPUT": str(settings.output_dir().resolve()),
    "WORKBENCH_TEMPLATES": str(settings.templates_dir().resolve()),
    "WORKBENCH_REGISTER": "store",  # the register notebook reports on the team's reviews
    roles.ROLES_ENV: str(roles.roster_file()),
}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# -- who may sign in ------------------------------------------------------------------------
roster = roles.load_roster()
if roster.members:
    c.Authenticator.allowed_users = set(roster.members)
    c.Authenticator.admin_users = set(roster.managers)
