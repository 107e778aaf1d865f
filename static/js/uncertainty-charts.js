// The report's uncertainty charts: the acceptability curve (how often each option comes
// out best as the value of a quality point rises) and the tornado (the figures that move
// the choice most). The figures reach the page as JSON (Django's json_script); tables on
// the page hold the same numbers.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  Chart.defaults.color = "#0b0c0c";
  Chart.defaults.font.size = 13;
  var colours = ["#1d4f91", "#00703c", "#d4351c", "#6f3c97", "#b58840", "#28a197"];
  var dashes = [[], [6, 4], [2, 3], [10, 4, 2, 4], [1, 2], [8, 8]];

  function read(id) {
    var source = document.getElementById(id);
    return source ? JSON.parse(source.textContent) : null;
  }

  function money(currency, value) {
    return new Intl.NumberFormat("en-GB", {
      style: "currency", currency: currency, maximumSignificantDigits: 3
    }).format(value);
  }

  // A vertical line at one x value, labelled: the agency's willingness to pay, or zero.
  // With `above`, the label sits in the padding over the plot, clear of every bar.
  function markerLine(id, value, words, above) {
    return {
      id: id,
      afterDatasetsDraw: function (chart) {
        if (value === null || value === undefined) { return; }
        var x = chart.scales.x.getPixelForValue(value);
        var area = chart.chartArea;
        if (x < area.left || x > area.right) { return; }
        var ctx = chart.ctx;
        ctx.save();
        ctx.strokeStyle = "#505a5f";
        ctx.setLineDash([4, 4]);
        ctx.beginPath();
        ctx.moveTo(x, area.top);
        ctx.lineTo(x, area.bottom);
        ctx.stroke();
        if (words) {
          ctx.setLineDash([]);
          ctx.fillStyle = "#505a5f";
          ctx.font = "12px system-ui, -apple-system, 'Segoe UI', sans-serif";
          ctx.textAlign = x > area.left + area.width / 2 ? "right" : "left";
          ctx.fillText(words, x + (ctx.textAlign === "right" ? -4 : 4),
            above ? area.top - 6 : area.top + 12);
        }
        ctx.restore();
      }
    };
  }

  // A line for each option across the values of a quality point, the agency's figure
  // marked: `series` is [{label, data}], `value` turns a point into the y value drawn.
  function curveChart(canvas, curve, series, yAxis, value, words) {
    var chart = new Chart(canvas, {
      type: "line",
      data: {
        datasets: series.map(function (line, index) {
          return {
            label: line.label,
            data: curve.wtp.map(function (wtp, i) { return { x: wtp, y: value(line.data[i]) }; }),
            borderColor: colours[index % colours.length],
            backgroundColor: colours[index % colours.length],
            borderDash: dashes[index % dashes.length],
            pointRadius: 0,
            borderWidth: 2,
            tension: 0
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            type: "linear",
            min: 0,
            title: { display: true, text: "Value of one quality point for one client for a year" },
            ticks: { callback: function (x) { return money(curve.currency, x); } }
          },
          y: yAxis
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ": " + words(item.parsed.y) + " at " +
                  money(curve.currency, item.parsed.x);
              }
            }
          }
        }
      },
      plugins: [markerLine(canvas.id + "-yours", curve.your_wtp,
        curve.your_wtp === null ? "" : "Your figure")]
    });
    window.addEventListener("beforeprint", function () { chart.resize(640, 260); });
    window.addEventListener("afterprint", function () { chart.resize(); });
  }

  var curve = read("acceptability-data");
  var curveCanvas = document.getElementById("acceptability-chart");
  if (curve && curveCanvas) {
    curveChart(curveCanvas, curve, curve.series,
      { min: 0, max: 100, title: { display: true, text: "Best in (% of tries)" } },
      function (share) { return share * 100; },
      function (y) { return "best in " + Math.round(y) + "%"; });
  }

  // What choosing each option risks losing, on average, at each value of a quality point.
  var lossCanvas = document.getElementById("loss-chart");
  if (curve && curve.losses && lossCanvas) {
    curveChart(lossCanvas, curve, curve.losses,
      {
        min: 0,
        title: { display: true, text: "Loss on average" },
        ticks: { callback: function (y) { return money(curve.currency, y); } }
      },
      function (loss) { return loss; },
      function (y) { return "loses " + money(curve.currency, y) + " on average"; });
  }

  var tornado = read("tornado-data");
  var tornadoCanvas = document.getElementById("tornado-chart");
  if (tornado && tornadoCanvas) {
    // Room for every bar and its label, however many there are.
    tornadoCanvas.parentElement.style.height = (80 + tornado.bars.length * 34) + "px";
    var tornadoChart = new Chart(tornadoCanvas, {
      type: "bar",
      data: {
        labels: tornado.bars.map(function (bar) { return bar.label; }),
        datasets: [{
          label: "Lead of " + tornado.best + " over " + tornado.runner_up,
          data: tornado.bars.map(function (bar) {
            return [Math.min(bar.low, bar.high), Math.max(bar.low, bar.high)];
          }),
          backgroundColor: "#1d4f91",
          borderColor: "#1d4f91",
          barPercentage: 0.7
        }]
      },
      options: {
        indexAxis: "y",
        layout: { padding: { top: 18 } },
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            title: { display: true, text: "Lead of " + tornado.best + " in net benefit" },
            ticks: { callback: function (value) { return money(tornado.currency, value); } }
          },
          y: { ticks: { autoSkip: false } }
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: function (item) {
                var bar = tornado.bars[item.dataIndex];
                return "Lowest: " + money(tornado.currency, bar.low) + ", highest: " +
                  money(tornado.currency, bar.high);
              }
            }
          }
        }
      },
      plugins: [markerLine("zero", 0, "No lead", true), markerLine("asEstimated", tornado.base, "")]
    });
    window.addEventListener("beforeprint", function () { tornadoChart.resize(640, 320); });
    window.addEventListener("afterprint", function () { tornadoChart.resize(); });
  }
})();
