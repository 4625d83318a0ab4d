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

  // htmx (17 KiB compressed) is not part of the first view, nor are the scripts a page names in
  // data-later (the time axis's gestures and keys, 5 KiB): they are fetched at the reader's first
  // sign of using the page (pointer, touch, key or focus), after the page has loaded (htmx sets
  // itself up only then), and run in that order. A filter changed before htmx arrives is applied
  // as soon as it has. Without them every link and form still works.
  var script = document.currentScript;
  var htmxSource = script && script.getAttribute("data-htmx");
  var later = ((script && script.getAttribute("data-later")) || "").split(" ").filter(Boolean);
  var htmxState = window.htmx ? "ready" : "absent"; // then "loading", then "ready" (a page may load it itself)
  var waiting = [];
  var fetching = false;

  function fetchScript(src, then) {
    var tag = document.createElement("script");
    tag.src = src;
    tag.async = false; // in the order asked for, each as soon as it is here
    if (then) tag.onload = then;
    document.head.appendChild(tag);
  }

  function enhance() {
    if (fetching) return;
    fetching = true;
    var add = function () {
      if (htmxState === "absent" && htmxSource) {
        htmxState = "loading";
        fetchScript(htmxSource, function () {
          htmxState = "ready";
          waiting.splice(0).forEach(function (f) {
            f();
          });
        });
      }
      later.forEach(function (src) {
        fetchScript(src);
      });
    };
    if (document.readyState === "complete") add();
    else window.addEventListener("load", add);
  }

  function withHtmx(then) {
    if (htmxState === "ready") {
      if (then) then();
      return;
    }
    if (then && htmxSource) waiting.push(then);
    enhance();
  }
  ["pointerover", "pointerdown", "touchstart", "keydown", "focusin"].forEach(function (type) {
    document.addEventListener(type, enhance, { capture: true, passive: true });
  });
  ["change", "submit", "search"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var form = region("filters");
      if (htmxState === "ready" || !htmxSource || !form || !form.contains(event.target)) return;
      if (type === "submit") event.preventDefault(); // the request comes with htmx, in place
      withHtmx(function () {
        htmx.trigger(form, type === "submit" ? "submit" : "change");
      });
    });
  });

  // Chips on event cards, and links marked data-swap (the time axis's clusters, ticks and steps,
  // a filter's ×), filter the timeline in place: one listener for all of them, rather than
  // htmx attributes on each (hundreds a page, each set up again after every change). A click
  // on one of them or on another htmx link while htmx is still on its way waits for it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    var results = region("results");
    var chip = link && results && results.contains(link) && link.matches("li.event a.chip");
    var swap = link && (chip || link.hasAttribute("data-swap"));
    if (!link || !htmxSource || !results || !(swap || link.hasAttribute("hx-get"))) return;
    if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (!swap && htmxState === "ready") return; // htmx's own link
    event.preventDefault();
    withHtmx(function () {
      if (swap) htmx.ajax("GET", link.getAttribute("href"), { source: link, target: results, push: "true" });
      else htmx.trigger(link, "click");
    });
  });

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

  // htmx opens sessionStorage on its first history push; opening it costs 10–20 ms the first
  // time in a page. Do it while the first request is on its way instead of after it returns.
  document.addEventListener("htmx:beforeSend", function warm() {
    document.removeEventListener("htmx:beforeSend", warm);
    setTimeout(function () {
      try {
        window.sessionStorage.getItem("htmx-current-path-for-history");
      } catch (e) {
        // no storage: htmx does without it
      }
    }, 0);
  });

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
  // Back (or Forward) to a step htmx pushed, in a page loaded again without htmx (returning from
  // another page, such as the same view in the other language): htmx is not there to restore
  // that step, so the browser loads its address whole.
  window.addEventListener("popstate", function (event) {
    if (htmxState !== "ready" && event.state && event.state.htmx) location.reload();
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

  // After a change the server sends the facets' new counts, not the facets again: the lists
  // keep one order, so only numbers, greying and ticks change (rebuilding 250 values took ~20 ms
  // and lost the reader's place). Lists that no longer fit the data (its file changed) reload.
  function updateFacets(template) {
    var facets = region("facets");
    var data = JSON.parse(template.getAttribute("data-counts"));
    var fits = Boolean(facets) && facets.getAttribute("data-version") === template.getAttribute("data-version");
    template.parentNode.removeChild(template);
    Object.keys(data.counts).forEach(function (name) {
      var set = fits && facets.querySelector("fieldset.facet-" + name);
      var counts = data.counts[name];
      var boxes = set ? set.querySelectorAll("input[type=checkbox]") : [];
      if (boxes.length !== Object.keys(counts).length) fits = false;
      if (!fits) return;
      Array.prototype.forEach.call(boxes, function (box) {
        var n = counts[box.value];
        var words = data.words[n];
        if (!words) return (fits = false);
        box.checked = data.selected[name].indexOf(box.value) >= 0;
        box.closest("li").classList.toggle("none", n === 0);
        box.parentNode.querySelector(".count").textContent = words[0];
        box.parentNode.querySelector(".visually-hidden").textContent = " " + words[1];
      });
      set.querySelector(".selected-count").textContent = data.chosen[name];
      var more = set.querySelector("details.more-values");
      if (more && more.querySelector("input:checked")) more.open = true;
    });
    if (!fits) location.reload();
  }

  document.addEventListener("htmx:afterSwap", function () {
    var counts = region("counts");
    if (counts) updateFacets(counts);
  });

  // Speed: before htmx swaps new results in, drop the old ones at once. Otherwise
  // htmx walks every old element to fire "htmx:beforeCleanupElement" (~15 µs each: 80 ms for a
  // page of 100 events) and looks each new id up among the old elements. Nothing in these
  // regions needs that clean-up: they hold plain links and fields, whose listeners go with them.
  function dropOld(target) {
    while (target.firstChild) target.removeChild(target.lastChild);
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    if (isMore(event)) before = region("results").querySelectorAll("li.event").length;
    else if (detail.target === region("results") && detail.shouldSwap && detail.swapOverride !== "none") {
      dropOld(detail.target);
    }
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
