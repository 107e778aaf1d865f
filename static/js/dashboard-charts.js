// The dashboard's charts: the portfolio plane, the comparisons by agency and by sector,
// and the motivation profile. The figures reach the page as JSON (Django's json_script);
// each chart has a table on the page with the same figures.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  Chart.defaults.color = "#0b0c0c";
  Chart.defaults.font.size = 13;

  function read(id) {
    var source = document.getElementById(id);
    return source ? JSON.parse(source.textContent) : null;
  }

  // Colour by where co-production stands: greens win, reds lose, blues and ambers trade off.
  var QUADRANT_COLOURS = {
    cheaper_better: "#00703c", cheaper_same: "#4c9a2a", same_better: "#85994b",
    dearer_better: "#1d70b8", cheaper_worse: "#b58840", same_same: "#505a5f",
    same_worse: "#d4351c", dearer_same: "#942514", dearer_worse: "#6f0000"
  };
  var SHAPES = ["circle", "rect", "triangle", "rectRot", "star", "crossRot", "rectRounded",
    "cross", "line"];

  var plane = read("plane-data");
  var planeCanvas = document.getElementById("plane-chart");
  if (plane && planeCanvas) {
    var quadrants = Object.keys(plane.quadrants);
    var datasets = quadrants.map(function (quadrant, index) {
      var items = plane.binned ? plane.cells : plane.points;
      var mine = items.filter(function (item) { return item.quadrant === quadrant; });
      return {
        label: plane.quadrants[quadrant],
        data: mine.map(function (item) {
          return { x: item.x, y: item.y, r: plane.binned ? 4 + Math.sqrt(item.count) * 3 : 6,
                   label: item.label, url: item.url, count: item.count };
        }),
        backgroundColor: QUADRANT_COLOURS[quadrant],
        borderColor: QUADRANT_COLOURS[quadrant],
        pointStyle: SHAPES[index % SHAPES.length],
        pointRadius: 6,
        pointHoverRadius: 8
      };
    }).filter(function (dataset) { return dataset.data.length; });

    // The agency's willingness to pay: extra cost = value of a point x points gained.
    var wtpLine = {
      id: "wtpLine",
      afterDatasetsDraw: function (chart) {
        if (plane.wtp === null) { return; }
        var x = chart.scales.x, y = chart.scales.y, ctx = chart.ctx, area = chart.chartArea;
        ctx.save();
        ctx.beginPath();
        ctx.rect(area.left, area.top, area.width, area.height);
        ctx.clip();
        ctx.strokeStyle = "#0b0c0c";
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(x.getPixelForValue(x.min), y.getPixelForValue(plane.wtp * x.min));
        ctx.lineTo(x.getPixelForValue(x.max), y.getPixelForValue(plane.wtp * x.max));
        ctx.stroke();
        ctx.restore();
      }
    };

    new Chart(planeCanvas, {
      type: plane.binned ? "bubble" : "scatter",
      data: { datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { title: { display: true, text: "Quality gained (points, 0 to 100 scale)" },
               grid: { color: function (c) { return c.tick.value === 0 ? "#0b0c0c" : "#e5e6e7"; } } },
          y: { title: { display: true, text: "Extra cost per client-year" },
               grid: { color: function (c) { return c.tick.value === 0 ? "#0b0c0c" : "#e5e6e7"; } } }
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (item) {
                var point = item.raw;
                var where = "quality " + item.parsed.x.toFixed(1) + ", cost " + item.parsed.y.toFixed(2);
                return plane.binned ? point.count + " assessments near " + where
                  : point.label + ": " + where;
              }
            }
          }
        },
        // A point opens its report.
        onClick: function (event, elements, chart) {
          if (!elements.length || plane.binned) { return; }
          var element = elements[0];
          var point = chart.data.datasets[element.datasetIndex].data[element.index];
          if (point.url) { window.location.href = point.url; }
        },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length && !plane.binned ? "pointer" : "default";
        }
      },
      plugins: [wtpLine]
    });
  }

  var comparisons = read("comparison-data");
  function bars(canvasId, rows, key, title, asPercent) {
    var canvas = document.getElementById(canvasId);
    if (!canvas || !rows || !rows.length) { return; }
    canvas.parentElement.style.height = (90 + rows.length * 36) + "px";
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: rows.map(function (row) { return row.label; }),
        datasets: [{
          label: title,
          data: rows.map(function (row) {
            var value = row[key];
            return value === null ? null : (asPercent ? value * 100 : value);
          }),
          backgroundColor: "#1d4f91"
        }]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { beginAtZero: true, max: asPercent ? 100 : undefined,
                       title: { display: true, text: title } } },
        plugins: { legend: { display: false } }
      }
    });
  }
  if (comparisons) {
    bars("agency-chart", comparisons.agencies, "share",
         "Best option co-produced (% of decided assessments)", true);
    bars("sector-chart", comparisons.sectors, "quality", "Quality gained per client-year", false);
    bars("motivator-chart", comparisons.motivators, "value", "Average strength (0 to 4)", false);
  }
})();
