"""The page's kernel answers widget messages only: no code runs through its websocket.

Whatever a script in the page (or another program on the machine) sends over
the kernel's websocket, in either of Jupyter's protocols (JSON text, or the
binary ``v1.kernel.websocket.jupyter.org``): requests that would run code
(execute), read the kernel's namespace (inspect, complete), its history or
drive its debugger get no answer and change nothing, while a harmless
``kernel_info_request`` on the same socket is answered.
"""

from __future__ import annotations

import asyncio
import json
import re
import urllib.request
import uuid

import pytest

V1 = "v1.kernel.websocket.jupyter.org"


def _message(kind: str, content: dict, msg_id: str) -> dict:
    header = {
        "msg_id": msg_id,
        "msg_type": kind,
        "username": "page",
        "session": "attacker",
        "date": "2024-01-01T00:00:00Z",
        "version": "5.3",
    }
    return {"header": header, "parent_header": {}, "metadata": {}, "content": content}


def _attacks(marker: str) -> list[tuple[str, str, dict]]:
    code = f"open({marker!r}, 'w').write('ran')"
    return [
        ("shell", "execute_request", {"code": code, "silent": False, "store_history": True,
                                      "user_expressions": {"x": code}, "allow_stdin": False}),
        ("shell", "inspect_request", {"code": "open", "cursor_pos": 4, "detail_level": 1}),
        ("shell", "complete_request", {"code": "import o", "cursor_pos": 8}),
        ("shell", "history_request", {"output": True, "raw": True, "hist_access_type": "tail",
                                      "n": 100}),
        ("shell", "is_complete_request", {"code": code}),
        ("control", "debug_request", {"type": "request", "seq": 1, "command": "initialize",
                                      "arguments": {"adapterID": "x"}}),
    ]  # fmt: skip


def _encode(protocol: str | None, channel: str, message: dict):
    if protocol is None:
        return json.dumps({**message, "channel": channel, "buffers": []})
    from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1

    parts = [json.dumps(message[key]).encode() for key in
             ("header", "parent_header", "metadata", "content")]  # fmt: skip
    return serialize_msg_to_ws_v1(parts, channel)


def _decode(protocol: str | None, raw) -> tuple[str, str | None]:
    if protocol is None or isinstance(raw, str):
        message = json.loads(raw)
        return message["header"]["msg_type"], message["parent_header"].get("msg_id")
    from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1

    _channel, parts = deserialize_msg_from_ws_v1(raw)
    header, parent = json.loads(parts[0]), json.loads(parts[1])
    return header["msg_type"], parent.get("msg_id")


def _exchange(port: int, kernel: str, protocol: str | None, marker: str) -> list[tuple]:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    async def run() -> list[tuple]:
        url = f"ws://127.0.0.1:{port}/api/kernels/{kernel}/channels?session_id={uuid.uuid4()}"
        request = HTTPRequest(url, headers={"Origin": f"http://127.0.0.1:{port}"})
        socket = await websocket_connect(request, subprotocols=[protocol] if protocol else None)
        assert socket.selected_subprotocol == protocol
        for n, (channel, kind, content) in enumerate(_attacks(marker)):
            await socket.write_message(
                _encode(protocol, channel, _message(kind, content, f"attack-{n}")),
                binary=protocol is not None,
            )
        probe = _message("kernel_info_request", {}, "probe")
        await socket.write_message(_encode(protocol, "shell", probe), binary=protocol is not None)
        received = []
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 8
        while loop.time() < deadline:
            try:
                raw = await asyncio.wait_for(socket.read_message(), deadline - loop.time())
            except TimeoutError:
                break
            if raw is None:
                break
            received.append(_decode(protocol, raw))
        socket.close()
        return received

    return asyncio.run(run())


@pytest.mark.parametrize("protocol", [None, V1], ids=["json", "v1-binary"])
def test_code_inspection_history_and_debugging_get_no_answer(start_dashboard, tmp_path, protocol):
    server = start_dashboard("--no-preheat")
    with urllib.request.urlopen(server.url, timeout=60) as response:
        kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', response.read().decode()).group(1)
    marker = str(tmp_path / "code-ran")

    received = _exchange(server.port, kernel, protocol, marker)

    assert ("kernel_info_reply", "probe") in received  # the socket works
    answered = sorted({kind for kind, parent in received if (parent or "").startswith("attack")})
    assert answered == []
    assert not (tmp_path / "code-ran").exists()
