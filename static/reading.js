// Event pages: ← and → open the previous and next event of the view the page was opened from.
"use strict";
document.addEventListener("keydown", function (event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
  var tag = event.target.tagName;
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || event.target.isContentEditable) return;
  var rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
  var link = rel && document.querySelector('.reading a[rel="' + rel + '"]');
  if (link) {
    event.preventDefault();
    link.click();
  }
});
