// Move focus to the error summary so screen-reader and keyboard users hear the problems
// first. Without errors, a link to one question (#id_... from check your answers) focuses
// that question, so the manager can answer it straight away.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); return; }
  if (window.location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target && typeof target.focus === "function") { target.focus(); }
  }
});
