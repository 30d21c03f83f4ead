"""The Cases page: every case with how far its review has got, and a form to add one.

The list is read from the case folders and the store each time the page is
shown, so a case added (or a review saved) by someone else appears on the next
visit.  Each row shows the review's status, its due date and the working days
left, overdue reviews marked.  Signed in through JupyterHub, each row also shows
who the review is allocated to, and a manager (``workbench.roles``) allocates it
there.  The form below creates a case from uploaded
files (see ``case_upload``); the size limit is shown next to the file pickers,
and a refused file gets a message naming what is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as widgets

from .. import cases, roles, settings
from ..case_status import COMPLETED, CaseRow, case_rows
from ..errors import DocumentError, WorkbenchError
from ..serve import websocket_limit
from ..uploads import (
    EXTENSIONS,
    KIND_LABELS,
    KINDS,
    Upload,
    check_upload,
    create_case,
    pasted_upload,
    size_text,
)
from .messages import Messages
from .text import escape, plain

#: Column widths shared by the header and every row, so they line up.
COLUMNS = "minmax(9rem, 2fr) minmax(9rem, 2fr) 4.5rem 7rem 9rem minmax(11rem, 1.5fr) 5rem"
HEADINGS = ("Case", "Reference", "Regime", "Status", "Review due", "Working days left", "")
#: Signed in, an "Allocated to" column comes before the Open button.
TEAM_COLUMNS = COLUMNS.replace(" 5rem", " minmax(9rem, 1.5fr) 5rem")
TEAM_HEADINGS = (*HEADINGS[:-1], "Allocated to", "")

#: What the form says about each file.
KIND_HINTS = {
    "response": "the letter being reviewed (required)",
    "request": "the requester's original request (optional if the response quotes it)",
    "searches": "the searches made for the response (optional)",
    "review_request": "the requester's request for a review (optional; or paste it below)",
}


def _row(cells: list[widgets.Widget], *classes: str) -> widgets.GridBox:
    columns = TEAM_COLUMNS if len(cells) == len(TEAM_HEADINGS) else COLUMNS
    row = widgets.GridBox(
        cells, layout=widgets.Layout(grid_template_columns=columns, padding="0.25rem 0")
    )
    for name in ("wb-row", *classes):
        row.add_class(name)
    return row


def _label(text: str, *classes: str) -> widgets.Label:
    label = widgets.Label(text)
    for name in classes:
        label.add_class(name)
    return label


class CasesPage:
    """The list of cases and the upload form; ``on_open(case_id)`` opens one.

    :param today: the date "working days left" counts from (tests pass a fixed one).
    """

    def __init__(
        self,
        messages: Messages,
        on_open: Callable[[str], None],
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._messages = messages
        self._on_open = on_open
        self._today = today
        self.listed: list[CaseRow] = []
        self._permissions = roles.Permissions(None, roles.Roster())
        self.rows = widgets.VBox()
        self.upload = UploadForm(messages, on_created=self._created)
        self.widget = widgets.VBox([widgets.HTML("<h2>Cases</h2>"), self.rows, self.upload.widget])
        self.widget.add_class("wb-cases")

    def refresh(self, highlight: str | None = None) -> None:
        """Read the cases folder and the store again and rebuild the list."""
        found = cases.list_cases()
        if not found:
            self.listed = []
            self.rows.children = (
                widgets.HTML(
                    "<p>No cases yet. Add one below by uploading its documents, or with "
                    "<code>workbench case new --response FILE</code> (cases are read from "
                    f"{escape(settings.cases_dir())}).</p>"
                ),
            )
            return
        self.listed = case_rows(found, self._summaries(), self._today())
        self._permissions = self._who_is_here()
        headings = HEADINGS if self._permissions.single_user else TEAM_HEADINGS
        header = _row([widgets.HTML(f"<b>{escape(h)}</b>") for h in headings], "wb-row-head")
        self.rows.children = (
            header,
            *(self._case_row(row, row.case_id == highlight) for row in self.listed),
        )

    def _summaries(self) -> list | None:
        """The store's review summaries, or None (with a message) when it cannot be read."""
        from ..service import review_summaries  # the store: not needed before the page shows

        try:
            return review_summaries(self._today())
        except WorkbenchError as exc:
            self._messages.error(f"Review statuses cannot be shown: {exc}")
            return None

    def _who_is_here(self) -> roles.Permissions:
        """The signed-in user's permissions; a broken roles file is a message, and read-only."""
        try:
            return roles.current()
        except WorkbenchError as exc:
            self._messages.error(str(exc))
            return roles.Permissions(roles.signed_in_user(), roles.Roster(configured=True))

    def _allocation_cell(self, row: CaseRow) -> widgets.Widget:
        """Who the review is allocated to; for a manager, a box to allocate it."""
        shown = _label(row.allocated_to or "—", "wb-allocated-to")
        if not self._permissions.allows(roles.Action.ALLOCATE) or row.status == COMPLETED:
            return shown
        team = self._permissions.roster
        names = sorted(team.reviewers | team.managers)
        chooser = widgets.Combobox(
            value=row.allocated_to,
            options=names,
            ensure_option=team.configured,
            placeholder="sign-in name",
            layout=widgets.Layout(width="8rem"),
        )
        button = widgets.Button(description="Allocate", layout=widgets.Layout(width="5.5rem"))
        chooser.add_class("wb-allocate-to")
        button.add_class("wb-allocate")
        case_id = row.case_id

        def allocate(_button: widgets.Button) -> None:
            from ..service import allocate_case  # the store: imported when first used

            allocate_case(case_id, chooser.value)
            self._messages.info(
                f"{case_id} is allocated to {chooser.value}"
                if chooser.value.strip()
                else f"{case_id} is allocated to nobody"
            )
            self.refresh(highlight=case_id)

        button.on_click(self._messages.guard(allocate))
        return widgets.HBox([chooser, button])

    def _case_row(self, row: CaseRow, highlight: bool) -> widgets.GridBox:
        open_button = widgets.Button(
            description="Open",
            tooltip=f"Open case {row.case_id}",
            layout=widgets.Layout(width="5rem"),
        )
        case_id = row.case_id
        open_button.on_click(self._messages.guard(lambda _button: self._on_open(case_id)))
        status_class = "wb-status-" + row.status.lower().replace(" ", "-")
        cells = [
            _label(row.case_id),
            _label(plain(row.reference)),
            _label(plain(row.regime)),
            _label(row.status, "wb-status", status_class),
            _label(plain(row.due)),
            _label(row.days_left_text if row.status != COMPLETED else "—", "wb-days-left"),
            open_button,
        ]
        if not self._permissions.single_user:
            cells.insert(-1, self._allocation_cell(row))
        classes = ["wb-case-row"]
        if row.overdue:
            classes.append("wb-overdue")
        if highlight:
            classes.append("wb-new-case")
        return _row(cells, *classes)

    def _created(self, case_id: str) -> None:
        self.refresh(highlight=case_id)


class UploadForm:
    """ "Add a case": one file picker per document, an optional case id and a Create button.

    ``on_created(case_id)`` is called once the case folder exists.
    """

    def __init__(self, messages: Messages, on_created: Callable[[str], None]) -> None:
        self._messages = messages
        self._on_created = on_created
        self.pickers: dict[str, widgets.FileUpload] = {}
        self.chosen: dict[str, widgets.Label] = {}
        rows = []
        for kind in KINDS:
            picker = widgets.FileUpload(
                accept=",".join(EXTENSIONS[kind]),
                multiple=False,
                description=f"Choose {KIND_LABELS[kind].lower()}",
                layout=widgets.Layout(width="15rem"),
            )
            picker.add_class(f"wb-upload-{kind}")
            picker.observe(messages.guard(self._picked(kind)), names="value")
            chosen = _label("No file chosen", "wb-chosen")
            self.pickers[kind], self.chosen[kind] = picker, chosen
            types = ", ".join(EXTENSIONS[kind])
            rows.append(
                widgets.HBox(
                    [
                        widgets.HTML(
                            f"<b>{escape(KIND_LABELS[kind])}</b><br>"
                            f"<small>{escape(KIND_HINTS[kind])}; {escape(types)}</small>",
                            layout=widgets.Layout(width="22rem"),
                        ),
                        picker,
                        chosen,
                    ],
                    layout=widgets.Layout(align_items="center"),
                )
            )
        self.pasted = widgets.Textarea(
            placeholder="Or paste the requester's email asking for the review here",
            description="Review request (pasted)",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", height="5rem"),
        )
        self.pasted.add_class("wb-upload-pasted")
        self.limit_note = widgets.HTML(self._limit_text())
        self.limit_note.add_class("wb-upload-limit")
        self.case_id = widgets.Text(
            placeholder="taken from the reference in the response",
            description="Case id",
            layout=widgets.Layout(width="28rem"),
        )
        self.create_button = widgets.Button(
            description="Create case", button_style="primary", icon="plus"
        )
        self.create_button.on_click(messages.guard(lambda _button: self.create()))
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h2>Add a case</h2>"),
                self.limit_note,
                *rows,
                self.pasted,
                self.case_id,
                self.create_button,
            ]
        )
        self.widget.add_class("wb-upload")

    @staticmethod
    def _limit_text() -> str:
        limit = settings.max_upload_bytes()
        ceiling = websocket_limit(limit)
        return (
            f"<p><b>Each file may be up to {escape(size_text(limit))}.</b> A larger file is "
            f"refused with a message. Files over {escape(size_text(ceiling))} cannot be "
            "sent to the workbench at all (the page loses its connection and must be "
            "reloaded), so check the size before choosing a very large file.</p>"
        )

    def uploads(self) -> dict[str, Upload | None]:
        """The files chosen, by kind; a review request pasted in counts as a file chosen."""
        chosen = {kind: Upload.from_widget_value(p.value) for kind, p in self.pickers.items()}
        pasted = pasted_upload(self.pasted.value)
        if pasted is not None:
            if chosen["review_request"] is not None:
                raise DocumentError(
                    "Choose the review request as a file or paste it, not both: clear one"
                )
            chosen["review_request"] = pasted
        return chosen

    def _picked(self, kind: str) -> Callable[[dict], None]:
        """A picker's change handler: show the file chosen and refuse a bad one at once."""

        def picked(_change: dict) -> None:
            upload = Upload.from_widget_value(self.pickers[kind].value)
            if upload is None:
                self.chosen[kind].value = "No file chosen"
                return
            self.chosen[kind].value = f"{upload.name} ({size_text(upload.size)})"
            try:
                check_upload(kind, upload)
            except DocumentError as exc:
                self.chosen[kind].value = f"{upload.name}: refused"
                self._messages.error(f"{KIND_LABELS[kind]}: {exc}")

        return picked

    def create(self) -> None:
        """Create the case from the chosen files, or say why not (one message per file)."""
        try:
            case = create_case(self.uploads(), self.case_id.value)
        except DocumentError as exc:
            for problem in exc.context.get("problems") or [str(exc)]:
                self._messages.error(problem)
            return
        self.clear()
        self._messages.info(
            f"Case {case.id} was created (reference {plain(case.meta.reference)}). "
            "It is highlighted in the list; open it to start the review."
        )
        self._on_created(case.id)

    def clear(self) -> None:
        """Empty the form after a case was created."""
        for kind, picker in self.pickers.items():
            picker.value = ()
            self.chosen[kind].value = "No file chosen"
        self.case_id.value = ""
        self.pasted.value = ""
