// The time axis with JavaScript: wheel and pinch zoom around the pointer, drag to pan, drag along
// the dates to choose a range, and the keyboard (one tab stop; arrows between marks). Each gesture
// ends in one htmx request that swaps the axis, the list and the counts, and pushes the URL.
// app.js fetches this file after htmx, at the reader's first sign of using the page; without it
// every zoom and pan is still a link.
"use strict";
(function () {
  var DAY = 86400, YEAR = 31556952, MONTH = YEAR / 12, MIN_ZOOM = 900;
  var last = null; // the event id (or time) the reader was on when a step was asked for
  var hovered = null;

  function plot() {
    return document.querySelector(".axis-plot");
  }
  function shown() {
    var p = plot();
    if (!p) return null;
    return Array.prototype.find.call(p.querySelectorAll(".ax-svg"), function (svg) {
      return svg.getClientRects().length > 0;
    });
  }
  function marks(svg) {
    return Array.prototype.slice.call(svg.querySelectorAll("a.ax-m, a.ax-c"));
  }
  function hit(a) {
    return a.querySelector(".ax-hit").getBoundingClientRect();
  }
  function ident(a) {
    if (!a.classList.contains("ax-m")) return null;
    return decodeURIComponent(a.getAttribute("href").split("?")[0].split("/").pop());
  }

  // --- time ⇄ position, and the from/to values that name a window (as timeline/axis/calendar.py)
  function segments(svg) {
    return svg.getAttribute("data-seg").split(";").map(function (s) {
      var v = s.split(" ").map(Number);
      return { lo: v[0], hi: v[1], x0: v[2], x1: v[3] };
    });
  }
  function timeAt(svg, clientX) {
    var box = svg.getBoundingClientRect();
    var x = ((clientX - box.left) / box.width) * 1000;
    var segs = segments(svg);
    for (var i = 0; i < segs.length; i++) {
      var s = segs[i];
      if (x <= s.x1 || i === segs.length - 1) {
        if (x < s.x0) return s.lo; // in a break: its start
        return s.lo + ((x - s.x0) * (s.hi - s.lo)) / (s.x1 - s.x0);
      }
    }
    return segs[0].lo;
  }
  function secondsPerPx(svg, clientX) {
    var box = svg.getBoundingClientRect();
    var x = ((clientX - box.left) / box.width) * 1000;
    var segs = segments(svg);
    var s = segs.find(function (g) { return x <= g.x1; }) || segs[segs.length - 1];
    return (s.hi - s.lo) / (((s.x1 - s.x0) / 1000) * box.width);
  }
  function pad(n, w) {
    return String(n).padStart(w || 2, "0");
  }
  function grain(length) {
    if (length >= 2 * YEAR) return "year";
    if (length >= 2 * MONTH) return "month";
    if (length >= 2 * DAY) return "day";
    if (length >= 7200) return "hour";
    return "minute";
  }
  function floor(ts, unit) {
    var d = new Date(ts * 1000);
    var y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate(), h = d.getUTCHours();
    var parts = {
      century: [Math.max(1, y - (y % 100)), 0, 1, 0, 0],
      decade: [Math.max(1, y - (y % 10)), 0, 1, 0, 0],
      year: [y, 0, 1, 0, 0],
      month: [y, m, 1, 0, 0],
      day: [y, m, day, 0, 0],
      hour: [y, m, day, h, 0],
      minute: [y, m, day, h, d.getUTCMinutes()],
    }[unit];
    var out = new Date(0);
    out.setUTCFullYear(parts[0], parts[1], parts[2]);
    out.setUTCHours(parts[3], parts[4], 0, 0);
    return out.getTime() / 1000;
  }
  function param(ts, unit) {
    var d = new Date(ts * 1000);
    var y = pad(d.getUTCFullYear(), 4), day = y + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
    if (unit === "year" || unit === "decade" || unit === "century") return y;
    if (unit === "month") return day.slice(0, 7);
    if (unit === "day") return day;
    if (unit === "hour") return day + "T" + pad(d.getUTCHours()) + "Z";
    return day + "T" + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + "Z";
  }
  function windowParams(lo, hi) {
    var unit = grain(hi - lo);
    return [param(floor(lo, unit), unit), param(floor(Math.max(lo, hi - 1), unit), unit)];
  }
  function unitParams(ts, unit) {
    var start = floor(ts, unit);
    if (unit === "century" || unit === "decade") {
      var y = new Date(start * 1000).getUTCFullYear();
      return [param(start, "year"), pad(y + (unit === "century" ? 99 : 9), 4)];
    }
    return [param(start, unit), param(start, unit)];
  }

  // --- one request per gesture
  function go(range) {
    var p = plot();
    if (!p || !range) return;
    var params = new URLSearchParams(p.getAttribute("data-base").split("?")[1] || "");
    var ordered = new URLSearchParams();
    params.forEach(function (v, k) {
      if (k === "actor" || k === "country" || k === "tag") ordered.append(k, v);
    });
    ordered.append("from", range[0]);
    ordered.append("to", range[1]);
    params.forEach(function (v, k) {
      if (k !== "actor" && k !== "country" && k !== "tag") ordered.append(k, v);
    });
    var url = p.getAttribute("data-base").split("?")[0] + "?" + ordered.toString();
    follow(url);
  }
  function follow(url) {
    var p = plot();
    var link = document.createElement("a");
    link.hidden = true;
    link.setAttribute("href", url);
    link.setAttribute("hx-push-url", "true");
    p.appendChild(link);
    p.classList.add("is-busy");
    window.htmx.ajax("GET", url, { source: link, target: "#results", swap: "innerHTML" });
  }
  function stepLink(name) {
    var a = document.querySelector('.axis-nav a[data-step="' + name + '"]');
    if (a) follow(a.getAttribute("href"));
  }
  function zoomAt(t) {
    var p = plot();
    var lo = Number(p.getAttribute("data-lo")), hi = Number(p.getAttribute("data-hi"));
    var unit = p.getAttribute("data-unit");
    if (unit) return go(unitParams(t, unit));
    if (hi - lo <= MIN_ZOOM) return;
    var half = Math.max((hi - lo) / 8, MIN_ZOOM / 2);
    var start = Math.min(Math.max(t - half, lo), hi - 2 * half);
    go(windowParams(start, start + 2 * half));
  }
  function zoomBy(factor, t) {
    var p = plot();
    var lo = Number(p.getAttribute("data-lo")), hi = Number(p.getAttribute("data-hi"));
    var length = Math.max((hi - lo) * factor, MIN_ZOOM);
    var share = (t - lo) / (hi - lo);
    var start = t - share * length;
    go(windowParams(Math.max(start, -62135596800), Math.min(start + length, 253402300800)));
  }

  // --- the keyboard: one tab stop, arrows between marks
  function order(svg) {
    return marks(svg).sort(function (a, b) {
      return a.getAttribute("data-t") - b.getAttribute("data-t") || hit(a).top - hit(b).top;
    });
  }
  function rove(svg, target) {
    marks(svg).forEach(function (a) {
      a.setAttribute("tabindex", a === target ? "0" : "-1");
    });
  }
  // Once per drawn axis: every link out of the tab order but one mark (the one the reader is on,
  // or was on before a step, if it is still drawn, else the middle event).
  function setup() {
    var p = plot();
    if (!p || p.hasAttribute("data-ready")) return;
    p.setAttribute("data-ready", "");
    p.querySelectorAll(".ax-svg a").forEach(function (a) {
      a.setAttribute("tabindex", "-1");
    });
    var centre = Number(p.getAttribute("data-centre"));
    p.querySelectorAll(".ax-svg").forEach(function (svg) {
      var all = marks(svg);
      if (!all.length) return;
      var start = all.reduce(function (best, a) {
        return Math.abs(a.getAttribute("data-t") - centre) < Math.abs(best.getAttribute("data-t") - centre) ? a : best;
      });
      var same = last && last.id && all.find(function (a) { return ident(a) === last.id; });
      var on = all.indexOf(document.activeElement) >= 0 && document.activeElement; // this file came late
      rove(svg, on || same || start);
    });
  }
  function move(a, key) {
    var svg = a.closest(".ax-svg");
    var list = order(svg);
    var at = list.indexOf(a);
    var next = null;
    if (key === "ArrowRight") next = list[at + 1];
    else if (key === "ArrowLeft") next = list[at - 1];
    else if (key === "Home") next = list[0];
    else if (key === "End") next = list[list.length - 1];
    else {
      var lanes = Array.prototype.slice.call(svg.querySelectorAll(".ax-lane"));
      var lane = lanes.indexOf(a.closest(".ax-lane")) + (key === "ArrowDown" ? 1 : -1);
      var row = lanes[lane] && marks(lanes[lane]);
      if (row && row.length) {
        var x = hit(a).left;
        next = row.reduce(function (best, b) {
          return Math.abs(hit(b).left - x) < Math.abs(hit(best).left - x) ? b : best;
        });
      }
    }
    if (next) {
      rove(svg, next);
      next.focus();
    }
  }
  document.addEventListener("keydown", function (event) {
    var a = event.target.closest && event.target.closest(".ax-svg a.ax-m, .ax-svg a.ax-c");
    if (!a || event.altKey || event.ctrlKey || event.metaKey) return;
    var key = event.key;
    if (["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "Home", "End"].indexOf(key) >= 0) {
      move(a, key);
    } else if (key === "+" || key === "=") {
      remember(a);
      zoomAt(Number(a.getAttribute("data-t")));
    } else if (key === "-" || key === "_") {
      remember(a);
      stepLink("out");
    } else if (key === "PageUp" || key === "PageDown") {
      remember(a);
      stepLink(key === "PageUp" ? "earlier" : "later");
    } else if (key === "Escape") {
      tip(null);
      return;
    } else {
      return;
    }
    event.preventDefault();
  });
  function remember(a) {
    last = { id: ident(a), t: Number(a.getAttribute("data-t")), focus: true };
  }

  // --- the tooltip (focus or hover), and the list item of the mark
  function tip(a) {
    var box = document.getElementById("ax-tip");
    document.querySelectorAll("li.event.is-axis-focus").forEach(function (li) {
      li.classList.remove("is-axis-focus");
    });
    if (!box) return;
    if (!a) {
      box.hidden = true;
      return;
    }
    box.textContent = "";
    var name = document.createElement("strong");
    name.textContent = a.getAttribute("aria-label");
    box.appendChild(name);
    if (a.getAttribute("data-p")) {
      var place = document.createElement("span");  // in its own language when not the page's
      place.textContent = a.getAttribute("data-p");
      if (a.getAttribute("data-pl")) place.lang = a.getAttribute("data-pl");
      box.appendChild(place);
    }
    box.hidden = false;
    var area = plot().getBoundingClientRect(), r = hit(a);
    var left = Math.min(Math.max(r.left + r.width / 2 - area.left - box.offsetWidth / 2, 0), area.width - box.offsetWidth);
    box.style.left = left + "px";
    box.style.top = r.bottom - area.top + 4 + "px";
    var id = ident(a);
    var li = id && document.getElementById("event-" + id);
    if (li) li.classList.add("is-axis-focus");
  }
  document.addEventListener("focusin", function (event) {
    var a = event.target.closest && event.target.closest(".ax-svg a.ax-m, .ax-svg a.ax-c");
    if (a) {
      rove(a.closest(".ax-svg"), a);
      a.setAttribute("aria-describedby", "ax-tip");
    }
    tip(a || null);
  });
  document.addEventListener("mouseover", function (event) {
    var a = event.target.closest && event.target.closest(".ax-svg a.ax-m, .ax-svg a.ax-c");
    if (a === hovered) return;
    hovered = a;
    var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest(".ax-svg a");
    tip(a || focused || null);
  });

  // --- pointer gestures: drag pans, drag along the dates chooses a range, two fingers pinch
  var down = {}, drag = null, wheel = null;
  function inRuler(svg, y) {
    var band = svg.querySelector(".ax-rule-bg").getBoundingClientRect();
    return y >= band.top - 4;
  }
  function selection(x0, x1) {
    var p = plot(), box = p.querySelector(".ax-sel");
    if (!box) {
      box = document.createElement("div");
      box.className = "ax-sel";
      p.appendChild(box);
    }
    var area = p.getBoundingClientRect();
    box.style.left = Math.min(x0, x1) - area.left + "px";
    box.style.width = Math.abs(x1 - x0) + "px";
  }
  document.addEventListener("pointerdown", function (event) {
    var svg = event.target.closest && event.target.closest(".axis-plot .ax-svg");
    if (!svg || (event.pointerType === "mouse" && event.button !== 0)) return;
    down[event.pointerId] = { x: event.clientX, y: event.clientY };
    var ids = Object.keys(down);
    if (ids.length === 2) {
      var a = down[ids[0]], b = down[ids[1]];
      var mid = (a.x + b.x) / 2;
      drag = { svg: svg, pinch: Math.abs(a.x - b.x) || 1, mid: mid, t: timeAt(svg, mid), moved: true };
    } else if (ids.length === 1) {
      drag = {
        svg: svg, x: event.clientX, t: timeAt(svg, event.clientX), rate: secondsPerPx(svg, event.clientX),
        range: inRuler(svg, event.clientY), moved: false,
      };
    }
  });
  document.addEventListener("pointermove", function (event) {
    if (!drag || !down[event.pointerId]) return;
    down[event.pointerId] = { x: event.clientX, y: event.clientY };
    var ids = Object.keys(down);
    if (drag.pinch && ids.length === 2) {
      var a = down[ids[0]], b = down[ids[1]];
      drag.scale = (Math.abs(a.x - b.x) || 1) / drag.pinch;
      preview(drag.svg, drag.mid, drag.scale, 0);
      return;
    }
    var dx = event.clientX - drag.x;
    if (!drag.moved && Math.abs(dx) < 6) return;
    drag.moved = true;
    drag.dx = dx;
    if (drag.range) selection(drag.x, event.clientX);
    else preview(drag.svg, drag.x, 1, dx);
  });
  function finish(event) {
    if (!down[event.pointerId]) return;
    delete down[event.pointerId];
    if (!drag || Object.keys(down).length) return;
    var d = drag;
    drag = null;
    if (!d.moved) return;
    swallowClick();
    if (d.pinch) {
      if (d.scale && Math.abs(d.scale - 1) > 0.1) zoomBy(1 / d.scale, d.t);
      else preview(d.svg, 0, 1, 0);
    } else if (d.range) {
      var other = timeAt(d.svg, d.x + d.dx);
      var t0 = Math.min(d.t, other), t1 = Math.max(d.t, other);
      if (t1 - t0 >= 60) go(windowParams(t0, t1));
    } else {
      var p = plot(), shift = -d.dx * d.rate;
      go(windowParams(Number(p.getAttribute("data-lo")) + shift, Number(p.getAttribute("data-hi")) + shift));
    }
  }
  document.addEventListener("pointerup", finish);
  document.addEventListener("pointercancel", function (event) {
    delete down[event.pointerId];
    if (drag) preview(drag.svg, 0, 1, 0);
    drag = null;
  });
  function swallowClick() {
    document.addEventListener("click", function stop(event) {
      event.preventDefault();
      event.stopPropagation();
      document.removeEventListener("click", stop, true);
    }, true);
  }
  function preview(svg, originX, scale, dx) {
    var box = svg.getBoundingClientRect();
    svg.style.transformOrigin = originX - box.left + "px 50%";
    svg.style.transform = scale === 1 && !dx ? "" : "translateX(" + dx + "px) scaleX(" + scale + ")";
  }
  document.addEventListener("wheel", function (event) {
    var svg = event.target.closest && event.target.closest(".axis-plot .ax-svg");
    if (!svg || !event.deltaY) return;
    event.preventDefault();
    if (!wheel) wheel = { svg: svg, x: event.clientX, t: timeAt(svg, event.clientX), scale: 1 };
    wheel.scale *= Math.pow(2, -event.deltaY / (event.ctrlKey ? 50 : 100));
    preview(svg, wheel.x, wheel.scale, 0);
    clearTimeout(wheel.timer);
    wheel.timer = setTimeout(function () {
      var w = wheel;
      wheel = null;
      zoomBy(1 / w.scale, w.t);
    }, 80);
  }, { passive: false });

  // --- after each swap of the results: set up the new axis, and keep the reader's place
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!event.detail.target || event.detail.target.id !== "results") return;
    setup();
    if (last && last.focus) {
      var svg = shown();
      var target = svg && svg.querySelector('a[tabindex="0"]');
      if (target) target.focus();
    }
    last = null;
  });
  // htmx keeps a copy of the page for Back, and carries attributes of elements that keep their
  // id over to the new ones: leave no style attribute behind (the page's Content-Security-Policy
  // allows none, so a restored copy would trip it).
  function unstyle() {
    var p = plot();
    if (p) p.querySelectorAll("[style]").forEach(function (el) { el.removeAttribute("style"); });
    var box = document.getElementById("ax-tip");
    if (box) box.hidden = true;
  }
  document.addEventListener("htmx:beforeHistorySave", unstyle);
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "results") unstyle();
  });
  document.addEventListener("htmx:responseError", function () {
    var p = plot();
    if (p) p.classList.remove("is-busy");
  });
  // Set up the axis on the page; a reader already on a mark (this file came late) gets its tooltip.
  function start() {
    setup();
    var a = document.activeElement;
    if (a && a.matches && a.matches(".ax-svg a.ax-m, .ax-svg a.ax-c")) {
      a.setAttribute("aria-describedby", "ax-tip");
      tip(a);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
