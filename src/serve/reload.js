// pamphlet serve: live reload, build status and the error overlay of one
// page. Injected by the preview server into the pages it sends; never part
// of the files in the output folder.
(function () {
  "use strict";
  var cfg = window.__pamphletServe;
  if (!cfg || window.__pamphletServeStarted) return;
  window.__pamphletServeStarted = true;
  var scrollKey = "pamphlet-serve-scroll:" + location.pathname;

  // the scroll position saved before a reload
  function restoreScroll() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(scrollKey)); } catch (e) {}
    if (!saved) return;
    sessionStorage.removeItem(scrollKey);
    window.scrollTo(saved[0], saved[1]);
  }
  if (document.readyState === "complete") restoreScroll();
  else window.addEventListener("load", restoreScroll);

  function reload() {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (e) {}
    location.reload();
  }

  // one shadow root holds the badge and the overlay, so that neither the
  // page's styles nor its direction change them
  var host = null, root = null;
  function ui() {
    if (root) return root;
    host = document.createElement("div");
    host.id = "pamphlet-serve";
    host.setAttribute("dir", "ltr");
    root = host.attachShadow({ mode: "open" });
    var style = document.createElement("style");
    style.textContent =
      ":host{all:initial}" +
      ".badge{position:fixed;right:12px;bottom:12px;z-index:2147483647;font:14px/1.4 system-ui,sans-serif;" +
      "background:#0b5394;color:#fff;padding:6px 12px;border-radius:6px;box-shadow:0 2px 8px #0004}" +
      ".overlay{position:fixed;inset:0;z-index:2147483646;background:#1a1a1aee;color:#f4f4f4;overflow:auto;" +
      "font:14px/1.5 system-ui,sans-serif;padding:24px}" +
      ".overlay h1{font-size:18px;margin:0 0 4px;color:#ffb4a8}" +
      ".overlay p{margin:0 0 16px;color:#ccc}" +
      ".overlay pre{font:13px/1.45 ui-monospace,monospace;white-space:pre-wrap;background:#000;padding:12px;" +
      "border-left:4px solid #e0533d;margin:0}" +
      ".notes{position:fixed;left:12px;bottom:12px;z-index:2147483645;max-width:min(720px,calc(100vw - 24px));" +
      "font:14px/1.4 system-ui,sans-serif;background:#fff8e1;color:#3d2f00;border:1px solid #e0b000;" +
      "border-radius:6px;box-shadow:0 2px 8px #0003;padding:6px 10px}" +
      ".notes button{font:inherit;background:none;border:0;color:#5c4400;text-decoration:underline;cursor:pointer;padding:0 0 0 8px}" +
      ".notes pre{font:12px/1.45 ui-monospace,monospace;white-space:pre-wrap;max-height:50vh;overflow:auto;margin:6px 0 0}" +
      ".overlay button{float:right;font:inherit;background:#444;color:#fff;border:0;border-radius:4px;padding:4px 10px;cursor:pointer}" +
      "[hidden]{display:none}";
    root.appendChild(style);
    (document.body || document.documentElement).appendChild(host);
    return root;
  }

  function element(role) {
    var r = ui();
    var el = r.querySelector("." + role);
    if (!el) {
      el = document.createElement("div");
      el.className = role;
      r.appendChild(el);
    }
    return el;
  }

  function remove(role) {
    if (!root) return;
    var el = root.querySelector("." + role);
    if (el) el.remove();
  }

  function showBadge(text) {
    var badge = element("badge");
    badge.setAttribute("role", "status");
    badge.textContent = text;
  }

  function showProblem(problem) {
    var overlay = element("overlay");
    overlay.setAttribute("role", "alert");
    overlay.textContent = "";
    var close = document.createElement("button");
    close.textContent = "Hide";
    close.onclick = function () { overlay.hidden = true; };
    var title = document.createElement("h1");
    title.textContent = "pamphlet: the last build failed";
    var what = document.createElement("p");
    what.textContent = problem.title + ". Fix the file and save: this page updates by itself.";
    var pre = document.createElement("pre");
    pre.textContent = problem.text || "(no details)";
    overlay.append(close, title, what, pre);
  }

  // warnings and fallbacks: the page is current and stays readable, so a
  // small panel in a corner, its details folded away
  function showNotes(notes) {
    var panel = element("notes");
    panel.setAttribute("role", "status");
    panel.textContent = "";
    var what = document.createElement("span");
    what.textContent = "pamphlet: " + notes.title;
    var pre = document.createElement("pre");
    pre.textContent = notes.text || "";
    pre.hidden = true;
    var toggle = document.createElement("button");
    toggle.textContent = "Show";
    toggle.onclick = function () {
      pre.hidden = !pre.hidden;
      toggle.textContent = pre.hidden ? "Show" : "Hide";
    };
    // gone until the next build says something
    var dismiss = document.createElement("button");
    dismiss.textContent = "\u00d7";
    dismiss.setAttribute("aria-label", "Dismiss");
    dismiss.onclick = function () { panel.remove(); };
    panel.append(what, toggle, dismiss, pre);
  }

  // what the page has heard, in order, for tests that drive a browser
  window.__pamphletServeEvents = [];
  function heard(name) {
    window.__pamphletServeEvents.push(name);
  }

  var source = null;
  function connect() {
    if (source) return;
    var query = "page=" + encodeURIComponent(cfg.page) +
      "&instance=" + encodeURIComponent(cfg.instance) +
      "&generation=" + encodeURIComponent(cfg.generation);
    source = new EventSource("/__pamphlet/events?" + query);
    ["reload", "building", "ok", "problem", "notes"].forEach(function (name) {
      source.addEventListener(name, function () { heard(name); });
    });
    source.addEventListener("reload", reload);
    source.addEventListener("building", function (e) {
      var pdf = false;
      try { pdf = JSON.parse(e.data).pdf; } catch (err) {}
      showBadge(pdf ? "Rebuilding… PDFs of changed documents take a few seconds more"
                    : "Rebuilding…");
    });
    source.addEventListener("ok", function () { remove("badge"); remove("overlay"); remove("notes"); });
    source.addEventListener("problem", function (e) {
      remove("badge");
      remove("notes");
      try { showProblem(JSON.parse(e.data)); } catch (err) {}
    });
    source.addEventListener("notes", function (e) {
      try { showNotes(JSON.parse(e.data)); } catch (err) {}
    });
    source.onopen = function () {
      heard("open");
      var badge = root && root.querySelector(".badge.offline");
      if (badge) badge.remove();
    };
    source.onerror = function () {
      var badge = element("badge");
      badge.classList.add("offline");
      badge.textContent = "pamphlet serve is not running; waiting for it";
    };
  }

  // a hidden tab lets go of its connection (a browser allows few per
  // server); when shown again it reconnects and learns what it missed
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      if (source) { source.close(); source = null; }
    } else {
      connect();
    }
  });
  if (!document.hidden) connect();
})();
