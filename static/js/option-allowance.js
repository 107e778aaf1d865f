// The option page: keep the line under "How sure are you of these figures?" saying what
// the allowance for optimism adds to the costs in the boxes, as the manager types them.
// The page works without it: the server writes the same line from the saved figures.
(function () {
  "use strict";
  var note = document.getElementById("allowance-note");
  var setupBox = document.querySelector("input[name$='setup_cost']");
  var yearlyBox = document.querySelector("input[name$='annual_agency_cost']");
  if (!note || !setupBox || !yearlyBox) {
    return;
  }
  var currency = note.dataset.currency;
  var uplifts = {};
  note.dataset.uplifts.split(",").forEach(function (pair) {
    var parts = pair.split(":");
    uplifts[parts[0]] = Number(parts[1]);
  });
  var multipliers = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };
  // An amount as the server reads one (a sign, commas, a k/m/bn suffix, "a year"), or null.
  var amount = /^\s*(?:[£$€¥₹]|[A-Z]{3}\b|A\$|NZ\$|C\$|US\$)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(k|thousand|mn|m|million|bn|b|billion)?\s*(?:[£$€¥₹]|[A-Z]{3})?\s*(?:a year|per year|each year|per annum|pa|\/year|\/yr|yearly|annually)?\s*$/i;
  function read(box) {
    var match = amount.exec(box.value.replace(/\u00a0/g, " "));
    if (!match) {
      return null;
    }
    var number = Number(match[1].replace(/,/g, ""));
    return match[2] ? number * multipliers[match[2].toLowerCase()] : number;
  }
  var format;
  try {
    format = new Intl.NumberFormat("en-GB", { style: "currency", currency: currency, maximumFractionDigits: 2, minimumFractionDigits: 0 });
  } catch (error) {
    return;
  }
  function money(value) {
    return format.format(Math.round(value * 100) / 100);
  }
  var original = note.textContent;
  function update() {
    var setup = read(setupBox);
    var yearly = read(yearlyBox);
    if (setup === null || yearly === null) {
      note.textContent = original;
      return;
    }
    var adds = function (code) {
      return [money(setup * uplifts[code]), money(yearly * uplifts[code])];
    };
    var high = adds("high"), medium = adds("medium"), low = adds("low");
    note.textContent = "With these costs, the allowance adds " + high[0] + " to the set-up cost and " +
      high[1] + " a year at high confidence; " + medium[0] + " and " + medium[1] +
      " a year at medium; or " + low[0] + " and " + low[1] + " a year at low. The report shows the costs with it.";
  }
  setupBox.addEventListener("input", update);
  yearlyBox.addEventListener("input", update);
})();
