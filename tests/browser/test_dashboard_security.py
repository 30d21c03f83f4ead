"""What a page cannot do, and what a requester's text cannot do, in a real browser.

(a) The page cannot run code in its kernel: an ``execute_request`` sent over the
    kernel's own websocket (what a script injected into the page would try) is
    dropped by Voila, while an allowed message on the same socket is answered;
    Jupyter's REST API and files outside the output folder are refused.
(b) HTML a requester wrote, whether typed in as their grounds or inside an
    uploaded letter (or its file name), is shown as text: no dialog opens, no
    element is created from it, and the literal text is on the page.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from steps import (
    SEED_ID,
    choose_file,
    open_case,
    select_tab,
    type_text,
    wait_for_box_value,
    wait_for_saved,
)

from workbench import serve

FILES = Path(__file__).resolve().parents[1] / "files"

#: Sends an execute_request and a kernel_info_request on a new connection to the
#: kernel and returns every (message type, parent message id) received for 4 s.
SEND_TO_KERNEL = """
async ({url, code}) => {
  const ws = new WebSocket(url);
  const got = [];
  const header = (type, id) => ({msg_id: id, msg_type: type, username: "page",
      session: "page-session", date: new Date().toISOString(), version: "5.3"});
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error("the kernel's websocket did not open"));
  });
  ws.onmessage = (event) => {
    if (typeof event.data !== "string") { got.push(["binary", null]); return; }
    const message = JSON.parse(event.data);
    got.push([message.header.msg_type, message.parent_header.msg_id || null]);
  };
  const send = (type, id, content) => ws.send(JSON.stringify({header: header(type, id),
      parent_header: {}, metadata: {}, content, channel: "shell", buffers: []}));
  send("execute_request", "attack", {code, silent: false, store_history: false,
      user_expressions: {}, allow_stdin: false, stop_on_error: true});
  send("kernel_info_request", "probe", {});
  await new Promise(resolve => setTimeout(resolve, 4000));
  ws.close();
  return got;
}
"""

GROUNDS = "I disagree. <img src=x onerror=alert('grounds-img')> <script>alert('grounds')</script>"
SEARCH_PLACE = "<img src=x onerror=alert('search')>"


def _watch_dialogs(page) -> list[str]:
    opened: list[str] = []

    def record(dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return opened


def test_the_page_cannot_execute_code_in_its_kernel(
    dashboard_server, page, open_dashboard, tmp_path, screenshot
):
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url))
    open_dashboard(dashboard_server)
    kernel_socket = next(url for url in sockets if "/api/kernels/" in url)
    # A second connection, as injected script would open (its own session id).
    url = re.sub(r"session_id=[^&]+", f"session_id={uuid.uuid4()}", kernel_socket)
    marker = tmp_path / "code-ran"
    code = f"open({str(marker)!r}, 'w').write('the page ran code in the kernel')"

    received = page.evaluate(SEND_TO_KERNEL, {"url": url, "code": code})

    assert ["kernel_info_reply", "probe"] in received  # the socket works...
    assert not [m for m in received if m[1] == "attack"]  # ...but execution gets no answer
    assert not marker.exists()
    # The dashboard itself still works.
    open_case(page, SEED_ID)
    screenshot("dashboard still works")


def test_jupyters_api_and_files_outside_the_output_folder_are_refused(
    dashboard_server, page, open_dashboard
):
    open_dashboard(dashboard_server)
    data = dashboard_server.data
    root = serve.files_root(serve.NOTEBOOK, data.output.resolve())
    response = (data.cases / SEED_ID / "response.txt").resolve().relative_to(root)
    notebook = serve.NOTEBOOK.resolve().relative_to(root)
    refused = [
        ("get", "api/kernels"),
        ("post", "api/kernels"),
        ("get", "api/contents"),
        ("get", "api/sessions"),
        ("get", f"voila/files/{response.as_posix()}"),
        ("get", f"voila/files/{notebook.as_posix()}"),
    ]
    for method, path in refused:
        answer = getattr(page.request, method)(dashboard_server.url + path)
        assert answer.status in (403, 404, 405), f"{method.upper()} /{path}: {answer.status}"


def test_html_typed_by_a_requester_is_shown_as_text(
    dashboard_server, page, open_dashboard, screenshot
):
    dialogs = _watch_dialogs(page)
    open_dashboard(dashboard_server)
    open_case(page, SEED_ID)

    # The requester's grounds, copied in by the reviewer.
    type_text(page, ".wb-grounds textarea", GROUNDS)
    wait_for_saved(lambda review: review.grounds == GROUNDS)

    # A search whose place holds markup, shown in the Searches table.
    select_tab(page, "Searches")
    page.locator(".wb-add-search input").nth(2).fill(SEARCH_PLACE)  # Where
    page.get_by_role("button", name="Add the search").click()
    table = page.locator(".wb-searches")
    table.wait_for()
    wait_for_box_value(table, SEARCH_PLACE)  # in a text box: shown as text, never run
    screenshot("search with markup")

    # The letter preview shows the grounds as the requester wrote them.
    select_tab(page, "Outcome and letter")
    letter = page.frame_locator("iframe.wb-letter")
    letter.get_by_text("alert('grounds-img')", exact=False).first.wait_for()
    letter_text = letter.locator("body").inner_text()
    assert "<img src=x onerror=alert('grounds-img')>" in letter_text
    assert "<script>alert('grounds')</script>" in letter_text
    assert letter.locator("img[src='x'], script:not([src])").count() == 0
    screenshot("letter preview with markup as text")

    page.wait_for_timeout(1000)
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []


def test_html_in_an_uploaded_letter_and_its_file_name_is_shown_as_text(
    dashboard_server, page, open_dashboard, screenshot, tmp_path
):
    dialogs = _watch_dialogs(page)
    open_dashboard(dashboard_server)

    # A file name with markup is refused, and the name shown as text.
    odd = tmp_path / "<img src=x onerror=alert('name')>.txt"
    odd.write_bytes((FILES / "upload_case" / "response.txt").read_bytes())
    choose_file(page, "response", odd)
    refusal = page.locator(".wb-messages .wb-error")
    refusal.wait_for()
    assert "<img src=x onerror=alert('name')>.txt" in refusal.inner_text()
    screenshot("file name refused")

    # A letter whose text holds markup is accepted, and its text shown as written.
    choose_file(page, "response", FILES / "upload_html" / "response.txt")
    page.get_by_role("button", name="Create case").click()
    page.locator(".wb-case-row.wb-new-case", has_text="FOI-2024-0777").wait_for()
    open_case(page, "FOI-2024-0777")
    page.get_by_text("The response as sent").click()
    document = page.locator(".wb-document")
    document.get_by_text('<script>alert("letter-script")</script>', exact=False).wait_for()
    text = document.inner_text()
    assert 'Dear <img src=x onerror=alert("letter-img")> Requester' in text
    assert "<b>parking enforcement</b>" in text
    screenshot("letter with markup as text")

    page.wait_for_timeout(1000)
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
