// Move focus to the error summary so screen-reader and keyboard users hear the problems first.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
});
