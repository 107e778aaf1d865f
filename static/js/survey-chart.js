// The survey's motivation profile: for each reason people take part, how strong the
// answers say it is beside the assessment's own estimate (0 to 4). The table under the
// chart holds the same figures; the chart is hidden from screen readers.
(function () {
  "use strict";
  var canvas = document.getElementById("survey-motivators-chart");
  var source = document.getElementById("survey-motivators-data");
  if (!canvas || !source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  Chart.defaults.color = "#0b0c0c";
  Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: "What people said", data: data.surveyed, backgroundColor: "#1d4f91" },
        { label: "This assessment's estimate", data: data.estimate, backgroundColor: "#b1b4b6" }
      ]
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { min: 0, max: 4, ticks: { stepSize: 1 } } },
      plugins: { legend: { position: "bottom" } }
    }
  });
})();
