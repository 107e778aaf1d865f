// The dashboard's bar chart of where co-production stands against the comparison. The counts reach the page as JSON (Django's
// json_script); the table beside the chart holds the same numbers.
(function () {
  "use strict";
  var canvas = document.getElementById("quadrant-chart");
  var source = document.getElementById("quadrant-data");
  if (!canvas || !source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  Chart.defaults.color = "#0b0c0c";
  Chart.defaults.font.size = 13;

  var chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [{ label: "Submitted assessments", data: data.counts, backgroundColor: "#1d4f91" }]
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: false } }
    }
  });

  window.addEventListener("beforeprint", function () { chart.resize(640, 260); });
  window.addEventListener("afterprint", function () { chart.resize(); });
})();
