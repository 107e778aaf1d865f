// The report's cost-quality plane: every option a labelled point, the efficient frontier a
// line through its options, the best option ringed and the comparator boxed. The figures
// reach the page as JSON (Django's json_script); the table under the chart holds the same
// numbers. Labels are placed where they fit: inside the canvas, clear of the points and
// of each other, wrapped when a name is long, so none is cut off at any width or on paper.
(function () {
  "use strict";
  var canvas = document.getElementById("cost-quality-chart");
  var source = document.getElementById("cost-quality-data");
  if (!canvas || !source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);

  var INK = "#0b0c0c";
  var FRONTIER = "#1d4f91";
  var OFF = "#505a5f";
  var BEST = "#00703c";
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var LABEL_SIZE = 13;
  var LINE_HEIGHT = 16;
  var POINT_RADIUS = 7;
  Chart.defaults.color = INK;
  Chart.defaults.font.family = FONT;
  Chart.defaults.font.size = 13;

  var moneyFormat;
  try {
    moneyFormat = new Intl.NumberFormat("en-GB", {
      style: "currency", currency: data.currency, maximumSignificantDigits: 3
    });
  } catch (error) {
    moneyFormat = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 3 });
  }
  function money(value) { return moneyFormat.format(value); }

  var xs = data.points.map(function (p) { return p.x; });
  var lowest = Math.min.apply(null, xs);
  var highest = Math.max.apply(null, xs);
  // Room either side of the points, so markers and labels at the ends stay inside.
  var pad = Math.max((highest - lowest) * 0.2, highest * 0.05, 0.01);

  function point(p) { return { x: p.x, y: p.y, name: p.label }; }
  var onFrontier = data.points.filter(function (p) { return p.frontier; }).map(point);
  var offFrontier = data.points.filter(function (p) { return !p.frontier; }).map(point);
  var best = data.points.filter(function (p) { return p.best; }).map(point);
  var comparator = data.points.filter(function (p) { return p.comparator; }).map(point);

  var datasets = [
    {
      type: "line", label: "Efficient frontier", data: data.frontier, borderColor: FRONTIER,
      backgroundColor: FRONTIER, borderWidth: 2, pointRadius: 0, pointHoverRadius: 0,
      pointStyle: "line",
      fill: false, tension: 0, order: 3
    },
    {
      label: "On the frontier", data: onFrontier, backgroundColor: FRONTIER,
      borderColor: FRONTIER, pointStyle: "circle", pointRadius: POINT_RADIUS,
      pointHoverRadius: POINT_RADIUS + 2, order: 1
    },
    {
      label: "Not on the frontier", data: offFrontier, backgroundColor: "#ffffff",
      borderColor: OFF, borderWidth: 2, pointStyle: "circle", pointRadius: POINT_RADIUS,
      pointHoverRadius: POINT_RADIUS + 2, order: 1
    }
  ];
  if (best.length) {
    datasets.push({
      label: "Best at your figure", data: best, backgroundColor: "rgba(0,0,0,0)",
      borderColor: BEST, borderWidth: 3, pointStyle: "circle", pointRadius: POINT_RADIUS + 6,
      pointHoverRadius: POINT_RADIUS + 6, order: 0
    });
  }
  if (comparator.length) {
    datasets.push({
      label: "Comparator: " + data.comparator, data: comparator,
      backgroundColor: "rgba(0,0,0,0)", borderColor: INK, borderWidth: 2, pointStyle: "rect",
      pointRadius: POINT_RADIUS + 4, pointHoverRadius: POINT_RADIUS + 4, order: 0
    });
  }
  // Markers at the edge of the plot (quality 100, say) are drawn whole, not halved.
  datasets.forEach(function (dataset) { dataset.clip = false; });

  // Split a name into lines no wider than maxWidth; a word too long for a line is cut with
  // an ellipsis, and so is anything beyond four lines (the table has the full name).
  function wrap(ctx, text, maxWidth) {
    var words = text.split(/\s+/);
    var lines = [];
    var line = "";
    words.forEach(function (word) {
      var candidate = line ? line + " " + word : word;
      if (ctx.measureText(candidate).width <= maxWidth || !line) {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
    });
    if (line) { lines.push(line); }
    if (lines.length > 4) {
      lines = lines.slice(0, 4);
      lines[3] += "…";
    }
    return lines.map(function (text) {
      while (ctx.measureText(text).width > maxWidth && text.length > 2) {
        text = text.slice(0, -2) + "…";
      }
      return text;
    });
  }

  function overlap(a, b) {
    var width = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
    var height = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
    return width > 0 && height > 0 ? width * height : 0;
  }

  // Try places around each point (right, left, above, below, then the corners) and keep
  // the first that lies inside the canvas above the x axis and clear of every marker and
  // label placed so far; failing that, the place that overlaps least.
  var pointLabels = {
    id: "pointLabels",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var area = chart.chartArea;
      var bounds = { left: area.left + 2, top: 2, right: chart.width - 2, bottom: area.bottom - 2 };
      var gap = POINT_RADIUS + 6;
      var items = [];
      [1, 2].forEach(function (index) {
        chart.getDatasetMeta(index).data.forEach(function (element, k) {
          items.push({ x: element.x, y: element.y, name: chart.data.datasets[index].data[k].name });
        });
      });
      var labels = [];
      var taken = items.map(function (item) {
        return { x: item.x - gap, y: item.y - gap, w: gap * 2, h: gap * 2 };
      });
      // The frontier line, as small squares every few pixels, so labels keep off it too.
      var line = chart.getDatasetMeta(0).data;
      for (var k = 1; k < line.length; k += 1) {
        var steps = Math.ceil(Math.hypot(line[k].x - line[k - 1].x, line[k].y - line[k - 1].y) / 4);
        for (var step = 0; step <= steps; step += 1) {
          var t = step / Math.max(steps, 1);
          taken.push({
            x: line[k - 1].x + (line[k].x - line[k - 1].x) * t - 2,
            y: line[k - 1].y + (line[k].y - line[k - 1].y) * t - 2,
            w: 4, h: 4
          });
        }
      }
      ctx.save();
      ctx.font = "600 " + LABEL_SIZE + "px " + FONT;
      ctx.textBaseline = "top";
      var maxWidth = Math.max(100, Math.min(220, (bounds.right - bounds.left) * 0.42));
      // Left to right, so neighbours take turns.
      items.sort(function (a, b) { return a.x - b.x || a.y - b.y; });
      items.forEach(function (item) {
        var lines = wrap(ctx, item.name, maxWidth);
        var w = Math.max.apply(null, lines.map(function (l) { return ctx.measureText(l).width; }));
        var h = lines.length * LINE_HEIGHT;
        var places = [
          [item.x + gap, item.y - h / 2], [item.x - gap - w, item.y - h / 2],
          [item.x - w / 2, item.y - gap - h], [item.x - w / 2, item.y + gap],
          [item.x + gap * 0.7, item.y - gap * 0.7 - h], [item.x - gap * 0.7 - w, item.y - gap * 0.7 - h],
          [item.x + gap * 0.7, item.y + gap * 0.7], [item.x - gap * 0.7 - w, item.y + gap * 0.7]
        ];
        var chosen = null;
        var leastOverlap = Infinity;
        places.forEach(function (place) {
          var box = {
            x: Math.min(Math.max(place[0], bounds.left), bounds.right - w),
            y: Math.min(Math.max(place[1], bounds.top), bounds.bottom - h),
            w: w, h: h
          };
          var moved = Math.abs(box.x - place[0]) + Math.abs(box.y - place[1]);
          var covered = taken.reduce(function (sum, other) { return sum + overlap(box, other); }, 0);
          var cost = covered * 4 + moved * 2 + places.indexOf(place);
          if (cost < leastOverlap) { leastOverlap = cost; chosen = box; }
        });
        taken.push(chosen);
        labels.push({ name: item.name, x: chosen.x, y: chosen.y, w: w, h: h });
        lines.forEach(function (line, k) {
          var y = chosen.y + k * LINE_HEIGHT;
          var align = chosen.x + w / 2 < item.x - 2 ? "right" : chosen.x > item.x + 2 ? "left" : "center";
          var x = align === "right" ? chosen.x + w : align === "left" ? chosen.x : chosen.x + w / 2;
          ctx.textAlign = align;
          ctx.lineWidth = 4;
          ctx.strokeStyle = "rgba(255,255,255,0.9)";
          ctx.strokeText(line, x, y);
          ctx.fillStyle = INK;
          ctx.fillText(line, x, y);
        });
      });
      ctx.restore();
      chart.$labelBoxes = labels;  // where each label went, for the browser tests
    }
  };

  var chart = new Chart(canvas, {
    type: "scatter",
    data: { datasets: datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: 8, right: 12 } },
      scales: {
        x: {
          suggestedMin: Math.max(0, lowest - pad),
          suggestedMax: highest + pad,
          ticks: { callback: function (value) { return money(value); }, maxTicksLimit: 6 },
          title: { display: true, text: "Full cost per client-year" }
        },
        y: {
          min: 0, max: 100, ticks: { stepSize: 25 },
          title: { display: true, text: "Quality index (0 to 100)" }
        }
      },
      plugins: {
        legend: {
          position: "bottom",
          labels: {
            usePointStyle: true,
            padding: 12,
            font: function (context) { return { size: context.chart.width < 500 ? 12 : 13 }; }
          }
        },
        tooltip: {
          filter: function (item) { return item.datasetIndex === 1 || item.datasetIndex === 2; },
          callbacks: {
            label: function (item) {
              return item.raw.name + ": " + money(item.parsed.x) + " per client-year, quality " +
                item.parsed.y;
            }
          }
        }
      }
    },
    plugins: [pointLabels]
  });

  // Charts do not resize themselves for paper; fit the printed page, then restore.
  window.addEventListener("beforeprint", function () { chart.resize(640, 320); });
  window.addEventListener("afterprint", function () { chart.resize(); });
})();
