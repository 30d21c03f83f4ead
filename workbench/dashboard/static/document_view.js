// The letter beside the review: the text with one point's evidence highlighted, and the
// reviewer's selection offered as that point's request text or answer.
// Shipped inside the workbench package (no CDN); loaded by anywidget.

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render({ model, el: root }) {
  root.classList.add("wb-docview");
  const bar = el("div", "wb-docview-bar");
  const sources = el("select", "wb-docview-source");
  const points = el("select", "wb-docview-point");
  const useText = el("button", "wb-docview-use-text", "Use as the request text");
  const useAnswer = el("button", "wb-docview-use-answer", "Use as the answer");
  const hint = el("div", "wb-docview-hint");
  const text = el("pre", "wb-docview-text");
  // The text scrolls inside its box: focusable, so the arrow keys scroll it, and named.
  text.tabIndex = 0;
  text.setAttribute("role", "region");
  text.setAttribute("aria-label", "The letter's text");
  sources.setAttribute("aria-label", "Document shown");
  hint.setAttribute("aria-live", "polite");
  for (const button of [useText, useAnswer]) {
    button.type = "button";
    button.disabled = true;
    // Keep the reviewer's selection when the button is pressed.
    button.addEventListener("mousedown", (event) => event.preventDefault());
  }
  const pointLabel = el("label", "wb-docview-point-label", "Point ");
  pointLabel.appendChild(points);
  bar.append(sources, pointLabel, useText, useAnswer);
  root.append(bar, hint, text);

  let chosen = null; // the last selection inside the text: {start, end, text}

  function document_() {
    return model.get("source") === "request" ? model.get("request_text") : model.get("response_text");
  }

  function drawSources() {
    sources.replaceChildren();
    const names = [["response", "The response as sent"]];
    if (model.get("request_text")) names.push(["request", "The request"]);
    for (const [value, label] of names) {
      const option = el("option", "", label);
      option.value = value;
      sources.appendChild(option);
    }
    sources.value = model.get("source");
    sources.style.display = names.length > 1 ? "" : "none";
  }

  function drawPoints() {
    points.replaceChildren();
    for (const label of model.get("points")) {
      const option = el("option", "", label);
      option.value = label;
      points.appendChild(option);
    }
    points.value = model.get("current");
    drawButtons();
  }

  function drawText() {
    const body = document_() || "";
    const source = model.get("source");
    const marks = (model.get("highlights") || [])
      .filter((mark) => mark.source === source && mark.end > mark.start)
      .sort((a, b) => a.start - b.start);
    const nodes = [];
    let at = 0;
    let first = null;
    for (const mark of marks) {
      const start = Math.max(mark.start, at);
      if (start >= mark.end) continue;
      if (start > at) nodes.push(document.createTextNode(body.slice(at, start)));
      const node = el("mark", "wb-hl wb-hl-" + (mark.kind || "answer"), body.slice(start, mark.end));
      if (first === null) first = node;
      nodes.push(node);
      at = mark.end;
    }
    if (at < body.length) nodes.push(document.createTextNode(body.slice(at)));
    text.replaceChildren(...nodes);
    chosen = null;
    drawButtons();
    if (first !== null) {
      text.scrollTop = Math.max(0, first.offsetTop - text.offsetTop - 40);
    }
  }

  function drawButtons() {
    const label = model.get("current");
    useText.textContent = label ? `Use as point ${label}'s request text` : "Use as the request text";
    useAnswer.textContent = label ? `Use as point ${label}'s answer` : "Use as the answer";
    const ready = chosen !== null && Boolean(label);
    useText.disabled = !ready;
    useAnswer.disabled = !ready || model.get("source") !== "response";
    hint.textContent = ready
      ? `Selected: “${chosen.text.length > 80 ? chosen.text.slice(0, 79) + "…" : chosen.text}”`
      : "Select words in the letter, then choose what they are.";
  }

  function selection() {
    const found = window.getSelection();
    if (!found || found.rangeCount === 0 || found.isCollapsed) return null;
    const range = found.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    const words = range.toString();
    if (!words.trim()) return null;
    return { start, end: start + words.length, text: words };
  }

  function onSelection() {
    const found = selection();
    if (found !== null) {
      chosen = found;
      drawButtons();
    }
  }

  function send(role) {
    if (chosen === null || !model.get("current")) return;
    model.send({
      action: role,
      point: model.get("current"),
      source: model.get("source"),
      start: chosen.start,
      end: chosen.end,
    });
    chosen = null;
    window.getSelection()?.removeAllRanges();
    drawButtons();
  }

  useText.addEventListener("click", () => send("text"));
  useAnswer.addEventListener("click", () => send("answer"));
  sources.addEventListener("change", () => {
    model.set("source", sources.value);
    model.save_changes();
  });
  points.addEventListener("change", () => {
    model.set("current", points.value);
    model.save_changes();
  });
  document.addEventListener("selectionchange", onSelection);
  model.on("change:source", () => {
    sources.value = model.get("source");
    drawText();
  });
  model.on("change:highlights", drawText);
  model.on("change:response_text", () => {
    drawSources();
    drawText();
  });
  model.on("change:request_text", () => {
    drawSources();
    drawText();
  });
  model.on("change:points", drawPoints);
  model.on("change:current", drawPoints);
  drawSources();
  drawPoints();
  drawText();
  return () => document.removeEventListener("selectionchange", onSelection);
}

export default { render };
