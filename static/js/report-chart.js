// The report's cost-quality plane: each option a labelled point. The figures reach the
// page as JSON (Django's json_script); the table beside the chart holds the same numbers.
(function () {
  "use strict";
  var canvas = document.getElementById("cost-quality-chart");
  var source = document.getElementById("cost-quality-data");
  if (!canvas || !source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  Chart.defaults.color = "#0b0c0c";
  Chart.defaults.font.size = 13;
  var colours = ["#00703c", "#1d4f91"];
  var shapes = ["circle", "rectRot"];
  var money = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var highestCost = Math.max.apply(null, data.points.map(function (p) { return p.x; }));

  // Write each option's name beside its point, so the chart reads without the legend.
  var pointLabels = {
    id: "pointLabels",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = "600 13px system-ui, -apple-system, 'Segoe UI', sans-serif";
      ctx.fillStyle = "#0b0c0c";
      chart.data.datasets.forEach(function (dataset, index) {
        var point = chart.getDatasetMeta(index).data[0];
        if (!point) { return; }
        var nearRightEdge = point.x > chart.chartArea.left + chart.chartArea.width * 0.6;
        ctx.textAlign = nearRightEdge ? "right" : "left";
        ctx.fillText(dataset.label, point.x + (nearRightEdge ? -12 : 12), point.y - 10);
      });
      ctx.restore();
    }
  };

  var chart = new Chart(canvas, {
    type: "scatter",
    data: {
      datasets: data.points.map(function (point, index) {
        return {
          label: point.label,
          data: [{ x: point.x, y: point.y }],
          backgroundColor: colours[index % colours.length],
          borderColor: colours[index % colours.length],
          pointStyle: shapes[index % shapes.length],
          pointRadius: 8,
          pointHoverRadius: 10
        };
      })
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          min: 0,
          suggestedMax: highestCost * 1.25 || 1,
          title: { display: true, text: "Full cost per client (" + data.currency + ")" }
        },
        y: { min: 0, max: 100, title: { display: true, text: "Quality index (0 to 100)" } }
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: {
          callbacks: {
            label: function (item) {
              return item.dataset.label + ": " + data.currency + " " + money.format(item.parsed.x) +
                " per client, quality " + item.parsed.y;
            }
          }
        }
      }
    },
    plugins: [pointLabels]
  });

  // Charts do not resize themselves for paper; fit the printed page, then restore.
  window.addEventListener("beforeprint", function () { chart.resize(640, 260); });
  window.addEventListener("afterprint", function () { chart.resize(); });
})();
