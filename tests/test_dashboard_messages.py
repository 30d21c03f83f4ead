"""Errors in dashboard callbacks become plain messages in the page, never tracebacks."""

from __future__ import annotations

import pytest

from workbench.dashboard.messages import Messages
from workbench.errors import CaseNotFound


def _fail_with(exc: Exception):
    def callback(_button=None):
        raise exc

    return callback


def test_a_workbench_error_is_shown_as_its_own_message():
    messages = Messages()
    messages.guard(_fail_with(CaseNotFound("No case called 'X-1'")))(None)
    (shown,) = messages.texts
    assert "No case called &#x27;X-1&#x27;" in shown
    assert "Traceback" not in shown
    assert "wb-error" in shown


def test_an_unexpected_error_is_named_without_a_traceback(capsys, monkeypatch):
    monkeypatch.delenv("WORKBENCH_DEBUG", raising=False)
    messages = Messages()
    messages.guard(_fail_with(KeyError("reference")))(None)
    (shown,) = messages.texts
    assert "Something went wrong (KeyError: &#x27;reference&#x27;)" in shown
    assert "Traceback" not in shown


def test_the_traceback_is_shown_only_when_debugging(monkeypatch):
    monkeypatch.setenv("WORKBENCH_DEBUG", "1")
    messages = Messages()
    messages.guard(_fail_with(ValueError("bad")))(None)
    (shown,) = messages.texts
    assert "Traceback (most recent call last)" in shown
    assert "wb-traceback" in shown


def test_markup_in_an_error_is_shown_as_text():
    messages = Messages()
    messages.guard(_fail_with(CaseNotFound("<img src=x onerror=alert(1)>")))(None)
    (shown,) = messages.texts
    assert "<img" not in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown


def test_a_new_action_clears_the_old_message_and_returns_the_callbacks_value():
    messages = Messages()
    messages.guard(_fail_with(CaseNotFound("first")))(None)
    assert messages.guard(lambda: 42)() == 42
    assert messages.texts == []


@pytest.mark.parametrize("kind", ["info", "error"])
def test_messages_are_escaped(kind):
    messages = Messages()
    getattr(messages, kind)("<b>bold</b> & more")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in messages.texts[0]
