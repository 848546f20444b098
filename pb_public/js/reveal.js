// ikplan: forms that reveal as you answer (the GOV.UK conditional reveal).
//
// An element with data-reveal="name=value value…" is shown only while the
// radio button named name with one of those values is chosen in its form.
// Hidden, its fields are disabled too: the browser neither requires nor
// sends what cannot be seen. Without JavaScript every field shows; this
// script only hides. It runs on each page and on what htmx swaps in.
(function () {
  "use strict";

  function update(root) {
    var regions = root.querySelectorAll("[data-reveal]");
    for (var i = 0; i < regions.length; i++) {
      var el = regions[i];
      var form = el.closest("form");
      var spec = el.getAttribute("data-reveal");
      var eq = spec.indexOf("=");
      if (!form || eq < 0) {
        continue;
      }
      var name = spec.slice(0, eq);
      var values = spec.slice(eq + 1).split(" ");
      var show = false;
      var radios = form.elements.namedItem(name);
      if (radios) {
        var list = radios.length === undefined ? [radios] : radios;
        for (var j = 0; j < list.length; j++) {
          if (list[j].checked && values.indexOf(list[j].value) >= 0) {
            show = true;
          }
        }
      }
      el.hidden = !show;
      var fields = el.querySelectorAll("input, textarea, select");
      for (var k = 0; k < fields.length; k++) {
        fields[k].disabled = !show;
      }
    }
  }

  document.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t && t.form && t.type === "radio") {
      update(t.form);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    update(document);
  });
  // htmx:load comes for the page and for every piece htmx swaps in
  document.addEventListener("htmx:load", function () {
    update(document);
  });
})();
