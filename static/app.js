// Small progressive enhancements on top of htmx. The site works fully without this file.
"use strict";
(function () {
  // The ids of the page's regions, as the server names them (one place: timeline/web/htmx.py).
  var meta = document.querySelector('meta[name="timeline-regions"]');
  var regions = meta ? JSON.parse(meta.content) : {};
  function region(name) {
    return document.getElementById(regions[name] || name);
  }
  var before = 0;
  var fromResults = false;
  var opened = [];

  // The filter the results show (or the one last asked for), as a query string.
  var asked = location.search;

  function queryOf(params) {
    var pairs = new URLSearchParams();
    Object.keys(params).forEach(function (key) {
      [].concat(params[key]).forEach(function (value) {
        pairs.append(key, value);
      });
    });
    var text = pairs.toString();
    return text ? "?" + text : "";
  }

  // Leave empty fields out of filter requests, so pushed URLs are short and shareable. One key
  // press can fire several triggers (Enter in the search box: "search", "change" and "submit"),
  // and Apply may be pressed with nothing changed: send a filter only when it differs from the
  // one asked for last, so each step is one request and one history entry (one Back).
  document.addEventListener("htmx:configRequest", function (event) {
    var params = event.detail.parameters;
    Object.keys(params).forEach(function (key) {
      if (params[key] === "") delete params[key];
    });
    if (event.detail.elt !== region("filters")) return;
    var query = queryOf(params);
    if (query === asked) event.preventDefault();
    else asked = query;
  });

  // Keep the form's text fields in step with the URL, when a link (of the time axis, a
  // filter chip) or Back changes the filter, so the next change of the form keeps it.
  function syncForm(search) {
    var form = region("filters");
    if (!form) return;
    var params = new URLSearchParams(search);
    ["q", "from", "to", "lanes"].forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field) field.value = params.get(name) || "";
    });
  }

  function isMore(event) {
    var target = event.detail && event.detail.target;
    return target && target.id === regions.more;
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    var results = region("results");
    fromResults = Boolean(elt && results && results.contains(elt));
    var href = elt && elt.getAttribute && elt.getAttribute("href");
    if (href && !isMore(event)) {
      asked = new URL(href, location.href).search;
      syncForm(asked);
    }
  });
  document.addEventListener("htmx:historyRestore", function () {
    asked = location.search;
    syncForm(location.search);
  });

  // Enter on a facet checkbox ticks it, as Space does (the change then applies the filter).
  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (event.key !== "Enter" || box.type !== "checkbox" || !box.form || box.form !== region("filters")) return;
    event.preventDefault();
    box.click();
  });

  // A filter that cannot be applied leaves the list as it was (the server says "swap nothing"):
  // mark the fields at fault, and bring the alert that says why into view.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = region("filters");
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (!form || (status !== 400 && !event.detail.successful)) return;
    var problem = region("alert") && region("alert").querySelector("[data-invalid]");
    var fields = problem ? problem.getAttribute("data-invalid").split(" ") : [];
    ["q", "from", "to"].forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && fields.indexOf(name) >= 0) field.setAttribute("aria-invalid", "true");
      else if (field) field.removeAttribute("aria-invalid");
    });
    if (problem) problem.scrollIntoView({ block: "nearest" });
  });

  // The facets are replaced after each change: keep open the "N more" lists the reader opened,
  // so focus can stay on a checkbox inside one.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    var fresh = event.detail.fragment;
    if (!target || target.id !== regions.facets || !fresh) return;
    target.querySelectorAll("fieldset.facet").forEach(function (set) {
      var open = set.querySelector("details.more-values[open]");
      var twin = open && fresh.querySelector("fieldset." + set.classList[1] + " details.more-values");
      if (twin) twin.setAttribute("open", "");
    });
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (isMore(event)) before = region("results").querySelectorAll("li.event").length;
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    if (isMore(event)) {
      // After "Show more", move focus to the first new event, so keyboard and screen-reader
      // users continue where the new content starts.
      var items = region("results").querySelectorAll("li.event");
      var first = items[before];
      var link = first && first.querySelector(".event-title a");
      if (link) link.focus();
      return;
    }
    // A link inside the results was followed and is gone now (htmx keeps focus on an element
    // with the same id when there is one): continue from the time axis or the results.
    var active = document.activeElement;
    if (fromResults && (!active || active === document.body)) {
      var next = document.getElementById("axis-heading") || region("results");
      if (next) next.focus();
    }
    fromResults = false;
  });

  // "Cite this" and "Embed this view": a Copy button next to each text (which is selectable
  // without JavaScript). The buttons stay hidden where the clipboard cannot be written.
  function showCopyButtons() {
    if (!navigator.clipboard) return;
    document.querySelectorAll("button.copy[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    var source = button && document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    var text = source.value !== undefined ? source.value : source.innerText.trim();
    navigator.clipboard.writeText(text).then(function () {
      var section = button.closest("section");
      var status = section && section.querySelector(".copy-status");
      if (status) status.textContent = button.getAttribute("data-copied");
      var label = button.textContent;
      button.textContent = button.getAttribute("data-copied");
      setTimeout(function () {
        button.textContent = label;
        if (status) status.textContent = "";
      }, 2000);
    });
  });
  showCopyButtons();
  document.addEventListener("htmx:afterSettle", showCopyButtons);

  // Print every citation, also of the source lists that are closed on screen.
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.sources"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) {
      d.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) {
      d.open = false;
    });
    opened = [];
  });
})();
