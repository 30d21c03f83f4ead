// A document beside the review: the text with one item's passages highlighted, and the
// reviewer's selection offered for that item (a point's request text or answer, a ground's
// words, a new ground). What the buttons do comes from the model's `actions`.
// Shipped inside the workbench package (no CDN); loaded by anywidget.

const DOCUMENT_NAMES = {
  response: "The response as sent",
  request: "The request",
  review_request: "The review request",
};

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
  sources.setAttribute("aria-label", "Document shown");
  const points = el("select", "wb-docview-point");
  const buttons = el("span", "wb-docview-actions");
  const hint = el("div", "wb-docview-hint");
  hint.setAttribute("aria-live", "polite");
  const text = el("pre", "wb-docview-text");
  // The text scrolls inside its box: focusable, so the arrow keys scroll it, and named.
  text.tabIndex = 0;
  text.setAttribute("role", "region");
  text.setAttribute("aria-label", "Document text: select words in it to use them");
  const pointLabel = el("label", "wb-docview-point-label");
  const pointWord = el("span", "", "Point ");
  pointLabel.append(pointWord, points);
  bar.append(sources, pointLabel, buttons);
  root.append(bar, hint, text);
  let actionButtons = []; // [{action, button}]

  let chosen = null; // the last selection inside the text: {start, end, text}

  function document_() {
    return textOf(model.get("source"));
  }

  function textOf(source) {
    return model.get(source + "_text") || "";
  }

  function drawSources() {
    sources.replaceChildren();
    const documents = model.get("documents") || ["response"];
    const names = documents.filter((name, index) => index === 0 || textOf(name));
    for (const value of names) {
      const option = el("option", "", DOCUMENT_NAMES[value] || value);
      option.value = value;
      sources.appendChild(option);
    }
    sources.value = model.get("source");
    sources.style.display = names.length > 1 ? "" : "none";
  }

  function drawActions() {
    buttons.replaceChildren();
    actionButtons = [];
    for (const action of model.get("actions") || []) {
      const button = el("button", "wb-docview-use-" + action.role, action.idle || action.label);
      button.type = "button";
      button.disabled = true;
      // Keep the reviewer's selection when the button is pressed.
      button.addEventListener("mousedown", (event) => event.preventDefault());
      button.addEventListener("click", () => send(action));
      buttons.appendChild(button);
      actionButtons.push({ action, button });
    }
    drawButtons();
  }

  function drawPoints() {
    const noun = model.get("noun") || "point";
    pointWord.textContent = noun.charAt(0).toUpperCase() + noun.slice(1) + " ";
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
    let chosenMark = null;
    for (const mark of marks) {
      const start = Math.max(mark.start, at);
      if (start >= mark.end) continue;
      if (start > at) nodes.push(document.createTextNode(body.slice(at, start)));
      const node = el("mark", "wb-hl wb-hl-" + (mark.kind || "answer"), body.slice(start, mark.end));
      if (mark.title) node.title = mark.title;
      if (first === null) first = node;
      if (chosenMark === null && mark.kind === "current") chosenMark = node;
      nodes.push(node);
      at = mark.end;
    }
    if (at < body.length) nodes.push(document.createTextNode(body.slice(at)));
    text.replaceChildren(...nodes);
    chosen = null;
    drawButtons();
    const shown = chosenMark || first;
    if (shown !== null) {
      text.scrollTop = Math.max(0, shown.offsetTop - text.offsetTop - 40);
    }
  }

  function words(template, label) {
    return template.replaceAll("{item}", label).replaceAll("{noun}", model.get("noun") || "point");
  }

  function drawButtons() {
    const label = model.get("current");
    const source = model.get("source");
    let ready = false;
    for (const { action, button } of actionButtons) {
      const item = Boolean(label) || !action.needs_item;
      button.textContent = label || !action.needs_item ? words(action.label, label) : action.idle;
      const here = !action.sources || action.sources.includes(source);
      button.disabled = chosen === null || !item || !here;
      ready = ready || !button.disabled;
    }
    hint.textContent = chosen !== null && ready
      ? `Selected: “${chosen.text.length > 80 ? chosen.text.slice(0, 79) + "…" : chosen.text}”`
      : "Select words in the document, then choose what they are.";
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

  function send(action) {
    if (chosen === null || (action.needs_item && !model.get("current"))) return;
    model.send({
      action: action.role,
      point: model.get("current"),
      source: model.get("source"),
      start: chosen.start,
      end: chosen.end,
    });
    chosen = null;
    window.getSelection()?.removeAllRanges();
    drawButtons();
  }

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
  model.on("change:review_request_text", () => {
    drawSources();
    drawText();
  });
  model.on("change:documents", drawSources);
  model.on("change:actions", drawActions);
  model.on("change:noun", drawPoints);
  model.on("change:points", drawPoints);
  model.on("change:current", drawPoints);
  drawSources();
  drawActions();
  drawPoints();
  drawText();
  return () => document.removeEventListener("selectionchange", onSelection);
}

export default { render };
