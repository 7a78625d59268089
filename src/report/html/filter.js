"use strict";
// Filters for the report: only the paragraphs with flagged quotes, or one speaker's quotes.
// The page reads the same without this script; it only reveals the filter bar.
(function () {
  var bar = document.getElementById("filters");
  var flagged = document.getElementById("only-flagged");
  var speaker = document.getElementById("speaker-filter");
  if (!bar || !flagged || !speaker) return;
  function apply() {
    document.body.classList.toggle("only-flagged", flagged.checked);
    var who = speaker.value;
    var items = document.querySelectorAll("mark[data-speaker], li[data-speaker]");
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      el.classList.toggle("dim", who !== "" && el.getAttribute("data-speaker") !== who);
    }
  }
  bar.addEventListener("submit", function (e) { e.preventDefault(); });
  flagged.addEventListener("change", apply);
  speaker.addEventListener("change", apply);
  bar.hidden = false;
  apply();
})();
