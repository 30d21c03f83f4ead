"""What every tab of an opened case is: a page over a :class:`ReviewSession`.

Why a shared base: every page follows the same three rules, and keeping them
here means no page can forget one.

1. **The page holds no state.**  What a widget shows is read from
   ``session.review`` (the review as saved); :meth:`Page.refresh` reads it
   again.  A page that changes shape (a provision question appearing after an
   answer) rebuilds its widgets from the model; otherwise only values are
   refreshed, so the widget the reviewer is using keeps its place and focus.
2. **Every change is saved through the session** (so through the store,
   audited and conflict-checked): free text as it is typed, once the typing
   pauses (see ``debounce``; one audit row per pause, not per keystroke), and a
   choice in a dropdown likewise once the choosing pauses (ArrowDown through a
   closed dropdown passes every option on the way: only the one it stops at is
   saved).  Anything that shows saved values again first saves what is still
   waiting, so nothing typed is overwritten.  Text that must be read (a date)
   is saved when the reviewer leaves the box or presses Enter.
3. **Every callback runs through the guard**, so a mistake is a plain message
   in the page; after any attempt (saved or refused) the page shows the saved
   values again, so it never displays something that is not in the store.
4. **No typed text is lost to someone else's change.**  A change to a field
   nobody else touched is merged by the session; when someone else changed the
   *same* field (:class:`~workbench.errors.EditConflict`), the field shows the
   saved value (theirs) and a panel right beside it keeps the reviewer's own
   value, with "Use mine" and "Keep theirs".
5. **Every control has a name a screen reader reads out** (WCAG 2.2, 1.3.1 and
   4.1.2): build them with :func:`labelled` (a visible label) or :func:`named`
   (a name, shown or not), which use the widget's own ``<label for=...>``;
   a date with :func:`date_field`.  ``workbench.dashboard.a11y.unnamed_controls``
   lists any control without a name (the tests run it on every page).

Writing a page::

    class SearchesPage(Page):
        title = "Searches"

        def build(self) -> list[widgets.Widget]:
            notes = self.bind(widgets.Textarea(), "procedural.notes")
            heading = self.show(widgets.HTML(), lambda review: f"<b>{len(review.searches)}</b>")
            add = self.button("Add a search", lambda: self.session.add_search(where="?"))
            return [heading, notes, add]

        def shape(self) -> object:            # rebuild when this changes
            return len(self.session.review.searches)

The dashboard constructs a page as ``Page(session, guard)`` and shows
``page.widget``; it calls ``page.refresh()`` whenever the tab is shown again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import ipywidgets as widgets

from ..deadlines import parse_date
from ..errors import DateError, EditConflict
from ..review import PathLike, Review
from .debounce import TYPING_PAUSE, Debouncer
from .navigation import slug

if TYPE_CHECKING:
    from ..service import ReviewSession

Guard = Callable[[Callable[..., Any]], Callable[..., Any]]

#: Shown in a dropdown for "nothing chosen yet" (stored as None).
NOT_DECIDED = "— not decided —"
#: What an empty date box suggests: the forms it reads (UK order, day first).
DATE_PLACEHOLDER = "e.g. 4/12/2023 or 4 Dec 2023"


def identity(value: Any) -> Any:
    return value


@dataclass
class Binding:
    """A widget showing one value of the review, and (if ``path``) saving it back."""

    widget: widgets.Widget
    read: Callable[[Review], Any]
    path: PathLike | None = None
    to_widget: Callable[[Any], Any] = identity
    from_widget: Callable[[Any], Any] = identity
    #: The widget trait that holds the value (``value`` for inputs and HTML).
    trait: str = "value"


class Page:
    """One tab of an opened case.  Subclasses implement :meth:`build` (and maybe :meth:`shape`).

    The constructor builds the widgets, so a subclass that needs its own
    attributes in :meth:`build` sets them before calling ``super().__init__``.
    """

    #: The tab's title.
    title: ClassVar[str] = ""

    def __init__(
        self, session: ReviewSession, guard: Guard, *, typing_pause: float = TYPING_PAUSE
    ) -> None:
        """``typing_pause``: seconds a text box must stay unchanged before it is saved."""
        self.session = session
        self.guard = guard
        self.widget = widgets.VBox()
        self.widget.add_class("wb-page")
        # Names the tab the page belongs to, so the page shown can be told from the tab chosen.
        self.widget.add_class(f"wb-page-{slug(self.title)}")
        self._bindings: list[Binding] = []
        self._shape: object = _UNBUILT
        self._syncing = False
        self._typing = Debouncer(typing_pause)
        #: Conflict panels shown, by the model id of the field they belong to.
        self.conflicts: dict[str, widgets.Widget] = {}
        #: Called after every attempt to save (the case view refreshes its header).
        self.after_change: Callable[[], Any] | None = None
        #: Dates typed that could not be read, kept in their boxes (by the box's model id).
        self._unread: dict[str, str] = {}
        self.refresh()

    # -- what a subclass provides ----------------------------------------------------------

    def build(self) -> list[widgets.Widget]:
        """The page's widgets, made from ``self.session.review`` (use bind/show/button)."""
        raise NotImplementedError

    def shape(self) -> object:
        """Anything that, when it changes, means the widgets must be built again.

        The default is the review's version and whether it is frozen: values are
        refreshed in place, and the page is rebuilt only for a new version of the review
        or when it is signed off.
        """
        return (self.session.review.version, self.session.review.is_frozen)

    # -- refreshing ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the saved review: rebuild if its shape changed, else refresh the values.

        Text still waiting for the typing to pause is saved first, so it is shown as saved
        rather than overwritten.
        """
        self.save_typing()
        shape = self.shape()
        if shape != self._shape:
            self._bindings = []
            with self._quiet():
                self.widget.children = tuple(self.build())
            self._shape = shape
        self.sync()

    def sync(self) -> None:
        """Put the saved values into the widgets, without saving them again."""
        review = self.session.review
        with self._quiet():
            for binding in self._bindings:
                value = binding.to_widget(binding.read(review))
                if getattr(binding.widget, binding.trait) != value:
                    setattr(binding.widget, binding.trait, value)
                if binding.path is not None and hasattr(binding.widget, "disabled"):
                    binding.widget.disabled = review.is_frozen

    def save_typing(self) -> None:
        """Save now what the reviewer typed but has not paused after (leaving the tab, the case)."""
        self._typing.flush()

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        syncing, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = syncing

    # -- helpers for build() ---------------------------------------------------------------

    def bind(
        self,
        widget: widgets.Widget,
        path: PathLike,
        *,
        to_widget: Callable[[Any], Any] = identity,
        from_widget: Callable[[Any], Any] = identity,
    ) -> widgets.Widget:
        """Show the review's value at ``path`` in ``widget`` and save every change to it.

        A free-text box (``Text`` or ``Textarea`` with no converter) is saved as it is
        typed, once the typing pauses; other text boxes when the reviewer leaves them.
        """
        as_typed = is_text_box(widget) and from_widget is identity
        binding = Binding(
            widget,
            lambda review: review.value_at(path),
            path=path,
            to_widget=to_widget,
            from_widget=from_widget,
        )
        self._bindings.append(binding)
        self._observe(widget, lambda value: self._save(binding, value), as_typed=as_typed)
        return widget

    def show(
        self, widget: widgets.Widget, render: Callable[[Review], Any], trait: str = "value"
    ) -> widgets.Widget:
        """Show ``render(review)`` in ``widget`` (read-only), refreshed after every save."""
        self._bindings.append(Binding(widget, render, trait=trait))
        return widget

    def on_change(
        self, widget: widgets.Widget, save: Callable[[Any], Any], *, as_typed: bool = False
    ) -> widgets.Widget:
        """Call ``save(new value)`` when the reviewer changes ``widget``, then refresh.

        For values that are not one path of the review (a correction, a check decision);
        the widget's value must still be set from the model in :meth:`build` or with
        :meth:`show`.  ``as_typed=True`` saves a free-text box as it is typed, once the
        typing pauses, rather than when the reviewer leaves it.
        """
        self._observe(widget, lambda value: self.attempt(lambda: save(value)), as_typed=as_typed)
        return widget

    def control(
        self,
        widget: widgets.Widget,
        render: Callable[[Review], Any],
        save: Callable[[Any], Any],
        *,
        as_typed: bool = False,
    ) -> widgets.Widget:
        """Show ``render(review)`` in ``widget`` and ``save(new value)`` when the reviewer
        changes it (see :meth:`on_change`), greyed out once the review is frozen.

        For a correction made through a session call rather than one path of the review.
        """
        self.show(widget, render)
        self.show(widget, lambda review: review.is_frozen, trait="disabled")
        return self.on_change(widget, save, as_typed=as_typed)

    def member_box(
        self,
        description: str,
        member: Any,
        members: Callable[[Review], Sequence[Any]],
        path: PathLike,
    ) -> widgets.Checkbox:
        """A checkbox saying whether ``member`` is in the list ``members(review)`` (the
        review's list at ``path``); ticking adds it, clearing removes it."""
        box = widgets.Checkbox(
            description=description, indent=False, layout=widgets.Layout(width="auto")
        )

        def save(checked: bool) -> Review:
            current = list(members(self.session.review))
            chosen = [*current, member] if checked else [m for m in current if m != member]
            return self.session.edit(path, chosen)

        return self.control(box, lambda review: member in members(review), save)

    def button(self, description: str, action: Callable[[], Any], **kwargs: Any) -> widgets.Button:
        """A button that runs ``action`` (a session call), then shows the saved review."""
        button = widgets.Button(description=description, **kwargs)
        button.on_click(self.guard(lambda _button: self.attempt(action)))
        return button

    def date_field(
        self,
        name: str,
        read: Callable[[Review], dt.date | None],
        save: Callable[[dt.date | None], Any],
    ) -> widgets.HBox:
        """A date typed as people write it, with a date picker beside it.

        The box reads ``4/12/2023``, ``04/12/2023``, ``4 Dec 2023`` or ``2023-12-04`` (UK
        order: day first) when the reviewer leaves it or presses Enter; the picker saves
        the day chosen in it.  A date that cannot be read is named beside the box and in
        the message area, and what was typed stays in the box to be corrected (it is not
        replaced by the saved date).  Label it with :func:`labelled`, which names the box.
        """
        note = widgets.HTML()
        note.add_class("wb-field-note")
        typed = widgets.Text(placeholder=DATE_PLACEHOLDER, layout=widgets.Layout(width="14rem"))
        typed.add_class("wb-date-text")
        picker = widgets.DatePicker(layout=widgets.Layout(width="auto"))
        picker.add_class("wb-date-picker")
        named(picker, f"{name}: choose from a calendar", visible=False)
        read_text = date_from_text(name)
        key = typed.model_id

        def shown(review: Review) -> str:
            return self._unread.get(key, date_shown(read(review)))

        def save_typed(text: str) -> Any:
            try:
                day = read_text(text)
            except DateError as exc:
                self._unread[key] = text
                note.value = f"<span class='wb-error-text' role='alert'>{escape_text(exc)}</span>"
                raise
            self._unread.pop(key, None)
            note.value = ""
            return save(day)

        def save_picked(day: dt.date | None) -> Any:
            self._unread.pop(key, None)
            note.value = ""
            return save(day)

        for control in (typed, picker):
            self.show(control, lambda review: review.is_frozen, trait="disabled")
        self.show(typed, shown)
        self.show(picker, read)
        self.on_change(typed, save_typed)
        self.on_change(picker, save_picked)
        return widgets.HBox([typed, picker, note], layout=widgets.Layout(align_items="center"))

    def attempt(self, action: Callable[[], Any]) -> Any:
        """Run a session call; refresh either way, and let a refusal reach the guard.

        Text still waiting for the typing to pause is saved before the call, in order.
        """
        self.save_typing()
        try:
            return action()
        finally:
            self.refresh()
            if self.after_change is not None:
                self.after_change()

    def _observe(
        self, widget: widgets.Widget, callback: Callable[[Any], Any], *, as_typed: bool = False
    ) -> None:
        """Run ``callback(new value)``, guarded, for the reviewer's changes only.

        Values the page puts in itself while refreshing are ignored before the guard,
        so a refresh never clears the message that explains it.  With ``as_typed`` the
        box sends every keystroke and only the value it has when the typing pauses is
        saved; otherwise the box sends its value when the reviewer leaves it or presses
        Enter.  A dropdown's choice is saved once the choosing pauses, so arrowing
        through its options saves (and audits) only the one it stops at.
        """
        guarded = self.guard(lambda value: self._saving(widget, callback, value))
        if hasattr(widget, "continuous_update"):
            widget.continuous_update = as_typed
        settles = as_typed or is_choice(widget)

        def changed(change: dict) -> None:
            if self._syncing:
                return
            value = change["new"]
            if settles:
                self._typing.schedule(widget.model_id, lambda: guarded(value))
            else:
                guarded(value)

        widget.observe(changed, names="value")

    def _save(self, binding: Binding, value: Any) -> Any:
        assert binding.path is not None
        path, convert = binding.path, binding.from_widget
        return self.attempt(lambda: self.session.edit(path, convert(value)))

    # -- someone else changed the same field -----------------------------------------------

    def _saving(self, widget: widgets.Widget, save: Callable[[Any], Any], value: Any) -> Any:
        """Save ``value``; on an edit conflict keep it in a panel beside ``widget``."""
        try:
            result = save(value)
        except EditConflict as conflict:
            self.show_conflict(widget, value, conflict, save)
            return None
        self.clear_conflict(widget)
        return result

    def show_conflict(
        self,
        widget: widgets.Widget,
        mine: Any,
        conflict: EditConflict,
        save: Callable[[Any], Any],
    ) -> widgets.Widget:
        """Beside ``widget`` (which now shows the saved value): what the reviewer entered,
        who changed the field, and buttons to use theirs or keep the reviewer's own."""
        self.clear_conflict(widget)
        who = conflict.context.get("changed_by") or "someone else"
        head = widgets.HTML(
            "<div class='wb-conflict-head' role='alert'><b>"
            + escape_text(f"Changed by {who} while you were editing it.")
            + "</b> The box shows their version, which is saved; yours is kept here until "
            "you choose.</div>"
        )
        if is_text_box(widget):
            yours: widgets.Widget = widgets.Textarea(
                value=str(mine or ""), layout=widgets.Layout(width="100%", height="4rem")
            )
            yours.add_class("wb-conflict-mine")
            value_of: Callable[[], Any] = lambda: yours.value  # noqa: E731 - read when chosen
        else:
            yours = widgets.HTML(
                f"<div class='wb-conflict-mine'>Yours: <b>{escape_text(_shown(widget, mine))}"
                "</b></div>"
            )
            value_of = lambda: mine  # noqa: E731
        use_mine = widgets.Button(description="Use mine", icon="check")
        keep_theirs = widgets.Button(description="Keep theirs")
        use_mine.add_class("wb-conflict-use-mine")
        keep_theirs.add_class("wb-conflict-keep-theirs")

        def choose_mine(_button: widgets.Button) -> None:
            chosen = value_of()
            self.clear_conflict(widget)
            self._saving(widget, save, chosen)

        use_mine.on_click(self.guard(choose_mine))
        keep_theirs.on_click(self.guard(lambda _button: self.clear_conflict(widget)))
        panel = widgets.VBox([head, yours, widgets.HBox([use_mine, keep_theirs])])
        panel.add_class("wb-conflict")
        self.conflicts[widget.model_id] = panel
        _insert_after(self.widget, widget, panel)
        return panel

    def clear_conflict(self, widget: widgets.Widget) -> None:
        """Take away the conflict panel of ``widget``, if it has one."""
        panel = self.conflicts.pop(widget.model_id, None)
        if panel is not None:
            _remove(self.widget, panel)


_UNBUILT = object()


def _insert_after(root: widgets.Widget, target: widgets.Widget, extra: widgets.Widget) -> bool:
    """Put ``extra`` right after ``target`` in whichever box holds it (else at the end of root)."""
    for box in _boxes(root):
        children = list(box.children)
        if target in children:
            children.insert(children.index(target) + 1, extra)
            box.children = tuple(children)
            return True
    root.children = (*root.children, extra)
    return False


def _remove(root: widgets.Widget, extra: widgets.Widget) -> None:
    for box in _boxes(root):
        if extra in box.children:
            box.children = tuple(child for child in box.children if child is not extra)
            return


def _boxes(root: widgets.Widget) -> Iterator[widgets.Box]:
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, widgets.Box):
            yield node
            stack.extend(node.children)


def _shown(widget: widgets.Widget, value: Any) -> str:
    """A value as the widget shows it (a dropdown's label rather than its stored value)."""
    for option in getattr(widget, "options", ()) or ():
        if isinstance(option, tuple) and len(option) == 2 and option[1] == value:
            return str(option[0])
    return "" if value is None else str(value)


def escape_text(value: object) -> str:
    from .text import escape

    return escape(value)


# -- converters between the model's values and widgets' values ----------------------------------


def choice_options(choices: dict[str, str]) -> list[tuple[str, str]]:
    """Dropdown options for a labelled enum's ``choices()``, with "not decided" ("") first.

    Use with ``to_widget=none_as_empty, from_widget=empty_as_none``: a dropdown cannot
    show None as a choice, so "not decided" travels as "".
    """
    return [(NOT_DECIDED, ""), *((label, value) for value, label in choices.items())]


def is_text_box(widget: widgets.Widget) -> bool:
    """True for the widgets a reviewer types free text into."""
    return isinstance(widget, widgets.Text | widgets.Textarea)


def is_choice(widget: widgets.Widget) -> bool:
    """True for a dropdown or list (a keyboard passes through options on the way to one)."""
    return isinstance(widget, widgets.Dropdown | widgets.Select | widgets.RadioButtons)


def none_as_empty(value: Any) -> Any:
    return "" if value is None else value


def empty_as_none(value: Any) -> Any:
    return None if value in ("", None) else value


YES_NO_OPTIONS = [(NOT_DECIDED, ""), ("Yes", "yes"), ("No", "no")]


def yes_no_to_widget(value: bool | None) -> str:
    return {None: "", True: "yes", False: "no"}[value]


def yes_no_from_widget(value: str) -> bool | None:
    return {"": None, "yes": True, "no": False}[value or ""]


def text_or_empty(value: Any) -> str:
    return "" if value is None else str(value)


def date_from_text(field_name: str) -> Callable[[Any], dt.date | None]:
    """A converter reading a date as people type it (empty for none), naming the field if wrong.

    ``4/12/2023``, ``04/12/2023``, ``4 Dec 2023`` and ``2023-12-04`` are all 4 December
    (UK order: day first); see :func:`workbench.deadlines.parse_date`.
    """

    def convert(value: Any) -> dt.date | None:
        text = str(value or "").strip()
        return parse_date(text, field_name=field_name) if text else None

    return convert


def date_shown(value: dt.date | None) -> str:
    """A saved date as a date box shows it: ``4 December 2023`` (empty for none)."""
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return "" if value is None else str(value)


def css_slug(text: str) -> str:
    """``text`` as part of a CSS class name (``s.40(2)`` -> ``s-40-2-``)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text)


def labelled(label: str, field: widgets.Widget, width: str = "11rem") -> widgets.HBox:
    """A bold label and its field on one line; the label names the field's first control.

    ``field`` is a control or a box whose first control the label belongs to (a dropdown
    with a note beside it).  The label is the control's own ``<label for=...>``, so a
    screen reader reads it out and clicking it focuses the control.
    """
    control = first_control(field)
    if control is None:
        from .text import escape

        caption = widgets.HTML(f"<b>{escape(label)}</b>", layout=widgets.Layout(width=width))
        return widgets.HBox([caption, field], layout=widgets.Layout(align_items="center"))
    named(control, label, width=width)
    control.add_class("wb-caption")
    return widgets.HBox([field], layout=widgets.Layout(align_items="center"))


def named(
    widget: widgets.Widget, name: str, *, visible: bool = True, width: str = "initial"
) -> widgets.Widget:
    """Give a control the name a screen reader reads out (its ``description``).

    ``visible=False`` keeps the name for screen readers only, for a control whose label
    is already on the page in another form (a question's text beside its answer).
    """
    widget.description = name
    if hasattr(widget.style, "description_width"):
        widget.style.description_width = width
        fixed = widget.layout.width
        if visible and width != "initial" and fixed and fixed.endswith(("rem", "px")):
            # The label sits inside the control's box: widen the box so the input keeps its size.
            widget.layout.width = f"calc({fixed} + {width})"
    widget.add_class("wb-named")
    if not visible:
        widget.add_class("wb-name-hidden")
    return widget


#: Controls a reviewer operates, which must each have a name.
CONTROLS = (
    widgets.Text,
    widgets.Textarea,
    widgets.Dropdown,
    widgets.Select,
    widgets.Checkbox,
    widgets.DatePicker,
    widgets.RadioButtons,
)


def first_control(widget: widgets.Widget) -> widgets.Widget | None:
    """``widget`` if it is a control, else the first control inside it (depth first)."""
    if isinstance(widget, CONTROLS):
        return widget
    for child in getattr(widget, "children", ()):
        found = first_control(child)
        if found is not None:
            return found
    return None
