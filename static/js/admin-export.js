// The admin's export page: "Select all" ticks or clears every field's box. The library
// wires this with an inline onchange attribute, which our Content Security Policy blocks;
// its handler (onSelectToggleChange, from export_selectable_fields.js) is attached here.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var toggle = document.getElementById("select-all-toggle");
  if (toggle && typeof onSelectToggleChange === "function") {
    toggle.addEventListener("change", onSelectToggleChange);
  }
});
