"""The dashboard's place: the case and tab it last showed, so a reopened page resumes there.

Without sign-in, one place per installation: the dashboard cannot tell reviewers apart, so
the last case and tab anyone opened is where the next page opens.  Signed in (a team on
JupyterHub), one place per user.  Kept in the ``workspace`` table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert

from .engine import Database, parse_stamp
from .schema import workspace_table

#: The workspace key of the reviewer's place (one per installation without sign-in).
PLACE_KEY = "place"


def _place_key(user: str | None) -> str:
    """The workspace key of a signed-in user's place, or the installation's."""
    return f"{PLACE_KEY}:{user}" if user else PLACE_KEY


@dataclass(frozen=True)
class Place:
    """Where the reviewer was in the dashboard: the case opened and the tab shown."""

    case_id: str
    tab: str
    updated_at: dt.datetime


class Places(Database):
    """Reading and writing the dashboard's place."""

    def get_place(self, user: str | None = None) -> Place | None:
        """The case and tab the dashboard last showed (to ``user``), or None (none kept, or
        unreadable)."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(workspace_table).where(workspace_table.c.key == _place_key(user))
            ).first()
        if row is None:
            return None
        value = row.value if isinstance(row.value, dict) else {}
        case_id, tab = value.get("case_id"), value.get("tab")
        if not isinstance(case_id, str) or not isinstance(tab, str):
            return None  # written by something else: no place rather than a broken page
        return Place(case_id, tab, parse_stamp(row.updated_at))

    def set_place(self, case_id: str, tab: str, user: str | None = None) -> None:
        """Remember that the dashboard shows ``tab`` of ``case_id`` (replacing the last place)."""
        value = {"case_id": case_id, "tab": tab}
        key = _place_key(user)
        with self._write() as conn:
            at = self._now()
            if conn.dialect.name == "postgresql":
                # Two pages of one user may save their place at once: no duplicate-key error.
                insert = postgresql_insert(workspace_table).values(
                    key=key, value=value, updated_at=at
                )
                conn.execute(
                    insert.on_conflict_do_update(
                        index_elements=[workspace_table.c.key],
                        set_={"value": insert.excluded.value, "updated_at": at},
                    )
                )
                return
            updated = conn.execute(
                workspace_table.update()
                .where(workspace_table.c.key == key)
                .values(value=value, updated_at=at)
            )
            if updated.rowcount == 0:
                conn.execute(workspace_table.insert().values(key=key, value=value, updated_at=at))

    def clear_place(self, user: str | None = None) -> None:
        """Forget the place: the next page opens on the list of cases."""
        with self._write() as conn:
            conn.execute(workspace_table.delete().where(workspace_table.c.key == _place_key(user)))
