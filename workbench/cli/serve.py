"""``workbench serve``: the reviewer's dashboard in a browser."""

from __future__ import annotations

from pathlib import Path

import click

from .. import serve as serving
from . import main


@main.command()
@click.option("--port", default=serving.DEFAULT_PORT, show_default=True, help="Port to listen on.")
@click.option(
    "--ip",
    default=serving.DEFAULT_IP,
    show_default=True,
    help="Address to listen on; anything but loopback needs --token.",
)
@click.option(
    "--token",
    envvar="WORKBENCH_TOKEN",
    help="Secret the browser must present (also read from WORKBENCH_TOKEN).",
)
@click.option(
    "--preheat/--no-preheat",
    default=serving.ServeOptions.preheat,
    show_default=True,
    help="Keep one kernel started and the dashboard loaded, ready for the next page.",
)
@click.option(
    "--cull-idle-timeout",
    type=click.IntRange(min=0),
    default=serving.CULL_IDLE_TIMEOUT,
    show_default=True,
    help="Seconds before the kernel of a page no longer open is shut down (0: never).",
)
@click.option(
    "--cull-interval",
    type=click.IntRange(min=1),
    default=serving.CULL_INTERVAL,
    show_default=True,
    help="Seconds between checks for idle kernels.",
)
@click.option(
    "--notebook",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=serving.NOTEBOOK,
    help="Serve another notebook the same way (for benchmarks and development).",
)
def serve(
    port: int,
    ip: str,
    token: str | None,
    preheat: bool,
    cull_idle_timeout: int,
    cull_interval: int,
    notebook: Path,
) -> None:
    """Serve the reviewer's dashboard with Voila (stop with Ctrl-C).

    The dashboard listens on 127.0.0.1; another address needs a token; idle kernels are culled
    after 30 minutes.
    """
    options = serving.ServeOptions(
        port=port,
        ip=ip,
        token=token or None,
        preheat=preheat,
        cull_idle_timeout=cull_idle_timeout,
        cull_interval=cull_interval,
        notebook=notebook,
    )
    status = serving.serve(options, announce=click.echo)
    # A child ended by a signal reports -N; a shell reports that as 128 + N.
    raise SystemExit(status if status >= 0 else 128 - status)
