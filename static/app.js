// Small progressive enhancements on top of htmx. The site works fully without this file.
"use strict";
(function () {
  var before = 0;
  // Leave empty fields out of filter requests, so pushed URLs are short and shareable.
  document.addEventListener("htmx:configRequest", function (event) {
    var params = event.detail.parameters;
    Object.keys(params).forEach(function (key) {
      if (params[key] === "") delete params[key];
    });
  });
  function isMore(event) {
    var target = event.detail && event.detail.target;
    return target && target.id === "more";
  }
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (isMore(event)) before = document.querySelectorAll("#results li.event").length;
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    // After "Show more", move focus to the first new event, so keyboard and screen-reader
    // users continue where the new content starts.
    if (!isMore(event)) return;
    var items = document.querySelectorAll("#results li.event");
    var first = items[before];
    var link = first && first.querySelector(".event-title a");
    if (link) link.focus();
  });
})();
