// ikplan's own script: after a refused submit, focus moves to the error
// summary, so that a screen reader reads it and a keyboard user starts
// from it (GOV.UK error summary) — on a whole page, and after htmx swaps
// in a refused form.
(function () {
  "use strict";

  function summaryIn(root) {
    if (!root || !root.querySelector) {
      return null;
    }
    if (root.matches && root.matches(".error-summary")) {
      return root;
    }
    return root.querySelector(".error-summary");
  }

  function focusSummary(root) {
    var s = summaryIn(root);
    if (s && document.activeElement !== s) {
      if (!s.hasAttribute("tabindex")) {
        s.setAttribute("tabindex", "-1");
      }
      s.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { focusSummary(document); });
  } else {
    focusSummary(document);
  }
  // only a summary in what was swapped: another part of the page updating
  // must not pull focus back to an old summary
  document.addEventListener("htmx:afterSettle", function (e) {
    var root = e.target;
    if (!root || !document.contains(root)) {
      root = document;
    }
    focusSummary(root);
  });
})();
