// The dashboard's bar charts: the comparisons by agency and by sector, and the motivation
// profile. The figures reach the page as JSON (Django's json_script); each chart has a
// table on the page with the same figures. The cost-quality plane is drawn on the server
// (inline SVG), so it needs no script.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  Chart.defaults.color = "#0b0c0c";
  Chart.defaults.font.size = 13;
  var CHAR_WIDTH = 0.55 * Chart.defaults.font.size;  // an average character, in px

  function read(id) {
    var source = document.getElementById(id);
    return source ? JSON.parse(source.textContent) : null;
  }

  // A label as lines of at most `limit` characters, broken between words (a longer word
  // keeps a line of its own): Chart.js draws an array as lines, where a long string
  // would be cut off at the chart's edge.
  function wrap(text, limit) {
    var lines = [];
    String(text).split(/\s+/).forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= limit) {
        lines[last] += " " + word;
      } else {
        lines.push(word);
      }
    });
    return lines;
  }

  // The labels may take up to two fifths of the chart's width, and never fewer than ten
  // characters a line: about 20 on a phone, 30 or more on a desk.
  function labelLimit(width) {
    return Math.max(10, Math.floor((width * 0.4) / CHAR_WIDTH));
  }

  var comparisons = read("comparison-data");
  function bars(canvasId, rows, key, title, asPercent) {
    var canvas = document.getElementById(canvasId);
    if (!canvas || !rows || !rows.length) { return; }
    var width = canvas.parentElement.clientWidth || 600;
    var lines = rows.reduce(function (most, row) {
      return Math.max(most, wrap(row.label, labelLimit(width)).length);
    }, 1);
    // Room for each bar's label, however many lines it wraps into at this width.
    canvas.parentElement.style.height = (100 + rows.length * Math.max(36, 14 + lines * 17)) + "px";
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
        scales: {
          x: { beginAtZero: true, max: asPercent ? 100 : undefined,
               title: { display: true, text: wrap(title, Math.max(20, Math.floor(width / CHAR_WIDTH) - 4)) } },
          // Worked out again as the chart resizes, so a phone turned sideways rewraps.
          y: { ticks: { autoSkip: false, callback: function (value) {
            return wrap(this.getLabelForValue(value), labelLimit(this.chart.width));
          } } }
        },
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
