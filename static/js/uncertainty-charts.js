// The report's uncertainty charts: the acceptability curve (how often each option comes
// out best as the value of a quality point rises), the losses, and the tornado (the
// figures that move the choice most). The figures reach the page as JSON (Django's
// json_script); tables on the page hold the same numbers.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  Chart.defaults.color = "#0b0c0c";
  Chart.defaults.font.size = 13;
  var colours = ["#1d4f91", "#00703c", "#d4351c", "#6f3c97", "#b58840", "#28a197"];
  var dashes = [[], [6, 4], [2, 3], [10, 4, 2, 4], [1, 2], [8, 8]];
  var BAR = "#1d4f91";
  var DEFAULT_FILL = "#d2e2f1";  // behind the stripes of a bar whose range is a default
  // Paper: charts are redrawn this wide before printing; print.css scales them to the
  // page in proportion.
  var PRINT_WIDTH = 640;
  var CURVE_PRINT_HEIGHT = 260;
  var LINE_HEIGHT = 1.2;  // Chart.js's default, for labels of several lines

  function read(id) {
    var source = document.getElementById(id);
    return source ? JSON.parse(source.textContent) : null;
  }

  function money(currency, value) {
    return new Intl.NumberFormat("en-GB", {
      style: "currency", currency: currency, maximumSignificantDigits: 3
    }).format(value);
  }

  // An amount rounded to so many significant figures, half away from zero.
  function significant(amount, figures) {
    if (amount === 0) { return 0; }
    var scale = Math.pow(10, Math.floor(Math.log10(amount)) - figures + 1);
    return Math.round(amount / scale + 1e-9) * scale;
  }

  // Short money for an axis, on the rules of the report's short_money filter
  // (coprod_site.numbers.short_money): millions and billions to two significant figures
  // under ten of them and three from ten, the currency's sign before the figure. An axis
  // has less room than a sentence, so thousands are shortened too, and the words become
  // letters: "£10m", "£2.5bn", "£250k", "-£1.3m", "£0.20".
  function shortMoney(symbol, value) {
    var amount = Math.abs(value);
    var sizes = [[1e9, "bn"], [1e6, "m"], [1e3, "k"]];
    var text = null;
    for (var i = 0; i < sizes.length && text === null; i++) {
      var size = sizes[i][0];
      if (amount >= size * 0.9995) {
        var scaled = significant(amount / size, amount < 10 * size ? 2 : 3);
        text = scaled.toLocaleString("en-GB", { maximumFractionDigits: 2 }) + sizes[i][1];
      }
    }
    if (text === null) {
      var rounded = significant(amount, 3);
      var pence = rounded !== Math.round(rounded);
      text = rounded.toLocaleString("en-GB", {
        minimumFractionDigits: pence ? 2 : 0, maximumFractionDigits: pence ? 4 : 0
      });
    }
    return (value < 0 && text !== "0" ? "-" : "") + symbol + text;
  }

  // Text measured in the font Chart.js draws tick labels in.
  var measurer = document.createElement("canvas").getContext("2d");
  function fontString(size) {
    return size + "px " + Chart.defaults.font.family;
  }

  // A label as lines no wider than `room` pixels, broken between words (and inside a word
  // only when one word alone is wider): Chart.js draws an array as lines.
  function wrap(text, room, size) {
    measurer.font = fontString(size);
    var fits = function (words) { return measurer.measureText(words).width <= room; };
    var lines = [];
    var line = "";
    text.split(/\s+/).forEach(function (word) {
      var attempt = line ? line + " " + word : word;
      if (fits(attempt)) { line = attempt; return; }
      if (line) { lines.push(line); }
      line = word;
      while (!fits(line) && line.length > 1) {
        var cut = line.length - 1;
        while (cut > 1 && !fits(line.slice(0, cut))) { cut -= 1; }
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    });
    if (line) { lines.push(line); }
    return lines;
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

  // The key to a chart's lines, as a list under it: text on the page wraps on a phone, as
  // a key drawn on the canvas cannot, and a long option name stays whole.
  function lineKey(canvas, series) {
    var svg = "http://www.w3.org/2000/svg";
    var list = document.createElement("ul");
    list.className = "chart-legend";
    list.id = canvas.id + "-key";
    list.setAttribute("aria-label", "Key to the lines of the chart");
    series.forEach(function (line, index) {
      var item = document.createElement("li");
      var swatch = document.createElementNS(svg, "svg");
      swatch.setAttribute("class", "chart-legend-line");
      swatch.setAttribute("width", "36");
      swatch.setAttribute("height", "12");
      swatch.setAttribute("aria-hidden", "true");
      swatch.setAttribute("focusable", "false");
      var stroke = document.createElementNS(svg, "line");
      stroke.setAttribute("x1", "1");
      stroke.setAttribute("y1", "6");
      stroke.setAttribute("x2", "35");
      stroke.setAttribute("y2", "6");
      stroke.setAttribute("stroke", colours[index % colours.length]);
      stroke.setAttribute("stroke-width", "3");
      var dash = dashes[index % dashes.length];
      if (dash.length) { stroke.setAttribute("stroke-dasharray", dash.join(" ")); }
      swatch.appendChild(stroke);
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(line.label));
      list.appendChild(item);
    });
    canvas.parentElement.insertAdjacentElement("afterend", list);
  }

  // Before printing, draw the chart at the width it is given on paper; print.css scales
  // it to the page in proportion (canvas width 100%, height from its own shape).
  function redrawForPaper(chart, height) {
    window.addEventListener("beforeprint", function () { chart.resize(PRINT_WIDTH, height()); });
    window.addEventListener("afterprint", function () { chart.resize(); });
  }

  // A line for each option across the values of a quality point, the agency's figure
  // marked: `series` is [{label, data}], `value` turns a point into the y value drawn.
  function curveChart(canvas, curve, series, yAxis, value, words) {
    var symbol = curve.symbol || "";
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
            ticks: {
              maxRotation: 0,
              callback: function (x) { return shortMoney(symbol, x); }
            }
          },
          y: yAxis
        },
        plugins: {
          // The key is a list under the chart (lineKey), so that it wraps.
          legend: { display: false },
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
    lineKey(canvas, series);
    redrawForPaper(chart, function () { return CURVE_PRINT_HEIGHT; });
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
        ticks: { callback: function (y) { return shortMoney(curve.symbol || "", y); } }
      },
      function (loss) { return loss; },
      function (y) { return "loses " + money(curve.currency, y) + " on average"; });
  }

  // Stripes for a bar whose range is a default: told apart by pattern, not colour alone.
  function stripes() {
    var tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    var c = tile.getContext("2d");
    c.fillStyle = DEFAULT_FILL;
    c.fillRect(0, 0, 8, 8);
    c.strokeStyle = BAR;
    c.lineWidth = 2;
    c.beginPath();
    c.moveTo(-2, 2); c.lineTo(2, -2);
    c.moveTo(0, 8); c.lineTo(8, 0);
    c.moveTo(6, 10); c.lineTo(10, 6);
    c.stroke();
    return c.createPattern(tile, "repeat");
  }

  var tornado = read("tornado-data");
  var tornadoCanvas = document.getElementById("tornado-chart");
  if (tornado && tornadoCanvas) {
    var box = tornadoCanvas.parentElement;
    var tickSize = Chart.defaults.font.size;
    var titleText = "Lead of " + tornado.best + " in net benefit";
    // The labels and the chart's height at a width: each label in lines that leave most
    // of the width to the bars (Chart.js gives the labels at most half of it and cuts off
    // what is wider), and room for every line of every label.
    var layoutAt = function (width) {
      var room = Math.max(90, Math.min(200, width * 0.4));
      var labels = tornado.bars.map(function (bar) { return wrap(bar.label, room, tickSize); });
      // The title sits under the bars, so it has their width, not the chart's.
      var title = wrap(titleText, Math.max(100, width - room - 40), tickSize);
      // Every bar gets the same height, so every one gets room for the longest label.
      var lines = Math.max.apply(null, labels.map(function (label) { return label.length; }));
      var row = Math.max(34, lines * tickSize * LINE_HEIGHT + 14);
      var height = 64 + title.length * tickSize * LINE_HEIGHT + labels.length * row;
      return { labels: labels, title: title, height: Math.round(height) };
    };
    var fitted = function (chart, width) {
      var layout = layoutAt(width);
      chart.data.labels = layout.labels;
      chart.options.scales.x.title.text = layout.title;
      box.style.height = layout.height + "px";
    };
    var first = layoutAt(box.clientWidth || PRINT_WIDTH);
    box.style.height = first.height + "px";
    // On paper the chart keeps the shape it is drawn in before printing (print.css).
    box.style.setProperty("--print-aspect", PRINT_WIDTH + " / " + layoutAt(PRINT_WIDTH).height);
    var pattern = stripes();
    var tornadoChart = new Chart(tornadoCanvas, {
      type: "bar",
      data: {
        labels: first.labels,
        datasets: [{
          label: "Lead of " + tornado.best + " over " + tornado.runner_up,
          data: tornado.bars.map(function (bar) {
            return [Math.min(bar.low, bar.high), Math.max(bar.low, bar.high)];
          }),
          backgroundColor: tornado.bars.map(function (bar) { return bar.default ? pattern : BAR; }),
          borderColor: BAR,
          borderWidth: tornado.bars.map(function (bar) { return bar.default ? 2 : 0; }),
          barPercentage: 0.7
        }]
      },
      options: {
        indexAxis: "y",
        layout: { padding: { top: 18, right: 8 } },
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        // A new width wraps the labels anew (Chart.js updates the chart after this).
        onResize: function (chart, size) { fitted(chart, size.width); },
        scales: {
          x: {
            title: { display: true, text: first.title },
            ticks: {
              maxRotation: 0,
              minRotation: 0,
              autoSkipPadding: 12,
              callback: function (value) { return shortMoney(tornado.symbol || "", value); }
            }
          },
          y: { ticks: { autoSkip: false, font: { size: tickSize, lineHeight: LINE_HEIGHT } } }
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: function (items) { return tornado.bars[items[0].dataIndex].label; },
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
    redrawForPaper(tornadoChart, function () { return layoutAt(PRINT_WIDTH).height; });
  }
})();
