// The tabs of an opened case: a <nav> landmark holding a WAI-ARIA tab list.
// Arrow keys, Home and End move between the tabs; Enter or Space (or a click) shows one.
// Shipped inside the workbench package (no CDN); loaded by anywidget.

let counter = 0;

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

  function choose(index) {
    if (index !== model.get("selected_index")) {
      model.set("selected_index", index);
      model.save_changes();
    }
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
  draw();
}

export default { render };
