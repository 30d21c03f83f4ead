// The dashboard's view in the page's address (#cases, #case/<id>/<tab>), so that the
// browser's Back and Forward move between the dashboard's own views.
// Shipped inside the workbench package (no CDN); loaded by anywidget.  Draws nothing.

function addressView() {
  try {
    return decodeURIComponent(window.location.hash.replace(/^#/, ""));
  } catch {
    return "";
  }
}

function render({ model, el }) {
  el.hidden = true;
  let first = true;

  // The kernel showed a view: record it as a step in the page's history.
  function record() {
    const view = model.get("view");
    if (!view || addressView() === view) return;
    const url = "#" + encodeURI(view);
    if (first) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
    first = false;
  }

  // Back, Forward, or an address typed in: ask the kernel for that view.
  function follow() {
    const view = addressView();
    if (view && view !== model.get("view")) {
      model.set("view", view);
      model.save_changes();
    }
  }

  model.on("change:view", () => {
    record();
    first = false;
  });
  window.addEventListener("popstate", follow);

  // Opening the page: an address naming a view (a reload, a link) wins over the place the
  // kernel resumed at; otherwise the address takes the kernel's view.
  const asked = addressView();
  if (asked && asked !== model.get("view")) {
    first = false;
    follow();
  } else {
    record();
  }
  first = false;
  return () => window.removeEventListener("popstate", follow);
}

export default { render };
