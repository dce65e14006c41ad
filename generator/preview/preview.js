// kc serve's live preview (injected into previewed pages only, never into `kc build` output).
// Reloads the page after a successful rebuild; shows the build's errors in an overlay.
(function () {
  "use strict";
  var me = document.currentScript;
  var loaded = Number(me.getAttribute("data-kc-generation"));
  var overlay = null;

  function text(tag, content, className) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = content;
    return el;
  }

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function show(problems) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "kc-preview-errors";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 system-ui,sans-serif;padding:2rem";
    var title = problems.length === 1 ? "1 problem" : problems.length + " problems";
    overlay.appendChild(text("h2", "The preview was not updated: " + title + " to fix"));
    overlay.appendChild(text("p", "Fix the file, save it, and this page reloads by itself."));
    var list = document.createElement("ol");
    problems.forEach(function (p) {
      var item = document.createElement("li");
      item.className = "kc-preview-problem";
      item.style.marginBottom = "1rem";
      var where = p.path + (p.line ? ":" + p.line + (p.column ? ":" + p.column : "") : "");
      var head = text("div", where + "  " + (p.code || "") + "  " + p.message);
      head.style.fontFamily = "ui-monospace,monospace";
      item.appendChild(head);
      if (p.hint) {
        var hint = text("div", "hint: " + p.hint);
        hint.style.color = "#9fd3ff";
        item.appendChild(hint);
      }
      list.appendChild(item);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  var events = new EventSource(me.getAttribute("data-kc-events"));
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (state.problems.length) {
      show(state.problems);
    } else if (state.generation !== loaded) {
      events.close();
      window.location.reload();
    } else {
      hide();
    }
  });
})();
