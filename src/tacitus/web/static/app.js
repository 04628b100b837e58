// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // "/" focuses the search box (unless typing in a field already).
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
    var q = document.getElementById("topq");
    if (q) { e.preventDefault(); q.focus(); q.select(); }
  });
  // Drop empty fields from filter forms so URLs stay short and shareable.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (el) {
        if (el.name && (el.value === "" || (el.name === "sort" && el.value === "newest"))) el.disabled = true;
      });
    });
  });
  // Selecting a type or modality applies the filter at once.
  document.querySelectorAll("form.filters select").forEach(function (sel) {
    sel.addEventListener("change", function () { sel.form.requestSubmit(); });
  });
  // Scroll a #s-<offset> target into the middle of the screen and flash it.
  if (location.hash.indexOf("#s-") === 0) {
    var el = document.getElementById(location.hash.slice(1));
    if (el) { el.classList.add("target-flash"); el.scrollIntoView({block: "center"}); }
  }
})();
