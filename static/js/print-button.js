// Print buttons: shown only when JavaScript can work them (the page stays clean without),
// and a click opens the browser's print dialogue. Kept out of the page for the CSP.
(function () {
  "use strict";
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();

// Printing opens every closed disclosure (a chart's table, the ranges) so that paper holds
// what the page folds away, and closes them again afterwards. print.css does the same for
// browsers that print without these events.
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

