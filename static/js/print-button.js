// Print buttons: shown only when JavaScript can work them (the page stays clean without),
// and a click opens the browser's print dialogue. Kept out of the page for the CSP.
(function () {
  "use strict";
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
