// Move focus to the error summary so screen-reader and keyboard users hear the problems
// first. Without errors, a link to one question (#id_... from check your answers) focuses
// that question, so the manager can answer it straight away.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    // A form posted from an address ending in a fragment (#main-content, after the skip
    // link) comes back with it, and the browser would move focus there after this runs.
    if (window.location.hash) {
      history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    summary.focus();
    return;
  }
  if (window.location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target && typeof target.focus === "function") { target.focus(); }
  }
});
