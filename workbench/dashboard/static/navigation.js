// The tabs of an opened case: a <nav> landmark holding a WAI-ARIA tab list.
// Arrow keys, Home and End move between the tabs; Enter or Space (or a click) shows one.
// Shipped inside the workbench package (no CDN); loaded by anywidget.

let counter = 0;

// A chosen tab's page is built by the kernel, which then sets `shown`.  Until it has, the
// panel is aria-busy; when it has not after each of these waits (ms), the page asks again
// with a message of its own.  A widget's change is held in the browser until the kernel
// has acknowledged the previous one, so a lost acknowledgement would otherwise lose every
// later choice for good; the message is not held.  After the last wait the page stops
// asking: a page that cannot be built says why in the dashboard's messages.
const ASK_AGAIN_AFTER = [3000, 6000, 12000];

function render({ model, el }) {
  const id = `wb-tabnav-${++counter}`;
  const nav = document.createElement("nav");
  nav.className = "wb-tabnav";
  const list = document.createElement("div");
  list.setAttribute("role", "tablist");
  nav.appendChild(list);
  el.appendChild(nav);

  function tabs() {
    return Array.from(list.querySelectorAll('[role="tab"]'));
  }

  let asked = 0;
  let timer = null;

  function answered() {
    return model.get("shown") === model.get("selected_index");
  }

  function askAgain() {
    timer = null;
    if (answered() || asked >= ASK_AGAIN_AFTER.length) return;
    asked += 1;
    model.send({ kind: "show", index: model.get("selected_index") });
    waitForPage();
  }

  // Mark the panel busy until the chosen tab's page is there; ask again if it is slow.
  function waitForPage() {
    const panel = el.closest(".wb-case")?.querySelector(".wb-tabpanel");
    if (panel) panel.setAttribute("aria-busy", answered() ? "false" : "true");
    if (answered()) {
      clearTimeout(timer);
      timer = null;
      asked = 0;
    } else if (timer === null && asked < ASK_AGAIN_AFTER.length) {
      timer = setTimeout(askAgain, ASK_AGAIN_AFTER[asked]);
    }
  }

  function choose(index) {
    if (index !== model.get("selected_index")) {
      model.set("selected_index", index);
      model.save_changes();
      clearTimeout(timer);
      timer = null;
      asked = 0;
    } else if (!answered()) {
      // Chosen again while its page is still missing: the reviewer is asking again.
      model.send({ kind: "show", index });
    }
    waitForPage();
  }

  // The panel below the tabs (the page shown) is named by the chosen tab.
  function linkPanel() {
    const panel = el.closest(".wb-case")?.querySelector(".wb-tabpanel");
    const chosen = tabs()[model.get("selected_index")];
    if (!panel || !chosen) return false;
    panel.id = panel.id || `${id}-panel`;
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", chosen.id);
    for (const tab of tabs()) tab.setAttribute("aria-controls", panel.id);
    return true;
  }

  function linkPanelSoon(tries = 20) {
    if (!linkPanel() && tries > 0) requestAnimationFrame(() => linkPanelSoon(tries - 1));
  }

  function draw() {
    const focused = list.contains(document.activeElement) ? tabs().indexOf(document.activeElement) : -1;
    list.replaceChildren();
    nav.setAttribute("aria-label", model.get("label"));
    list.setAttribute("aria-label", model.get("label"));
    const selected = model.get("selected_index");
    model.get("titles").forEach((title, index) => {
      const tab = document.createElement("button");
      tab.type = "button";
      tab.id = `${id}-tab-${index}`;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-selected", index === selected ? "true" : "false");
      tab.tabIndex = index === selected ? 0 : -1;
      tab.textContent = title;
      tab.addEventListener("click", () => choose(index));
      list.appendChild(tab);
    });
    if (focused >= 0) tabs()[focused]?.focus();
    linkPanelSoon();
  }

  list.addEventListener("keydown", (event) => {
    const all = tabs();
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    let next = null;
    if (event.key === "ArrowRight") next = (at + 1) % all.length;
    else if (event.key === "ArrowLeft") next = (at - 1 + all.length) % all.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = all.length - 1;
    if (next === null) return;
    event.preventDefault();
    all.forEach((tab, index) => (tab.tabIndex = index === next ? 0 : -1));
    all[next].focus();
  });

  model.on("change:titles", draw);
  model.on("change:selected_index", draw);
  model.on("change:label", draw);
  model.on("change:shown", waitForPage);
  draw();
  return () => clearTimeout(timer);
}

export default { render };
