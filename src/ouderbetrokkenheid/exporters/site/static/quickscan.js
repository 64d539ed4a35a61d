/* ouderbetrokkenheid site: a quickscan filled in in the browser. Vanilla JavaScript, no network.
 * Every answer is written to localStorage as it is given (key "ob-quickscan:<assessment>@<version>:<group>"),
 * so a reload, a closed tab or a dead battery loses nothing; the answers never leave the browser unless the
 * person downloads them: a JSON list of Response objects and a CSV file, both as `ouderbetrokkenheid score`
 * reads them. The scores at the end come from OBScore (assets/ob-score.js) with the instrument's scoring
 * bundle (OB_SCORE_BUNDLES, assets/score-bundles.js), when the site has them: the JSON file the person
 * can download is read with OBScore.readFiles and scored with OBScore.score, for this one respondent. Text is only ever inserted as text (textContent). */
(function () {
  "use strict";

  var form = document.getElementById("ob-qs");
  if (!form) { return; }
  var data = form.dataset;
  var labels = JSON.parse(document.getElementById("ob-qs-labels").textContent);
  var KEY = "ob-quickscan:" + data.assessment + "@" + data.version + ":" + data.group;
  var progress = document.getElementById("ob-qs-progress");
  var missingBox = document.getElementById("ob-qs-missing");
  var results = document.getElementById("ob-qs-results");
  var storable = true;

  function message(name, fields) {
    var text = data["msg" + name.charAt(0).toUpperCase() + name.slice(1)] || "";
    Object.keys(fields || {}).forEach(function (field) { text = text.split("{" + field + "}").join(String(fields[field])); });
    return text;
  }

  function now() { return new Date().toISOString().replace(/\.\d+Z$/, "Z"); }

  function newRespondent() {
    var bytes = new Uint8Array(8);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return "web-" + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(KEY) || "null");
      if (saved && typeof saved === "object" && saved.answers && typeof saved.respondent === "string") { return saved; }
    } catch (error) { storable = false; }
    return { respondent: newRespondent(), answers: {}, started: now() };
  }

  var state = load();

  function save() {
    state.changed = now();
    try {
      localStorage.setItem(KEY, JSON.stringify(state));
      storable = true;
    } catch (error) { storable = false; }
  }

  function answeredCount() {
    return labels.items.filter(function (id) { return Object.prototype.hasOwnProperty.call(state.answers, id); }).length;
  }

  function showProgress() {
    // two sentences, each on its own line: joined by a space they read as one ("2 of 16 questions
    // answered Saved on this device."), and where the full stop goes is the language's
    progress.textContent = message("progress", { done: answeredCount(), total: labels.items.length });
    progress.appendChild(document.createElement("br"));
    progress.appendChild(document.createTextNode(storable ? message("saved") : message("notSaved")));
  }

  function restore() {
    labels.items.forEach(function (id) {
      var code = state.answers[id];
      if (code === undefined) { return; }
      var input = form.querySelector('input[type=radio][name="' + CSS.escape(id) + '"][value="' + CSS.escape(code) + '"]');
      if (input) { input.checked = true; } else { delete state.answers[id]; }
    });
  }

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type !== "radio" || labels.items.indexOf(input.name) < 0) { return; }
    state.answers[input.name] = input.value;
    save();
    showProgress();
    var fieldset = input.closest("fieldset");
    if (fieldset) { fieldset.classList.remove("unanswered"); }
  });

  /* -- the answers as files that `ouderbetrokkenheid score` reads ---------------------------- */
  function response() {
    var answers = {};
    labels.items.forEach(function (id) { if (state.answers[id] !== undefined) { answers[id] = state.answers[id]; } });
    return {
      assessment: data.assessment,
      version: data.version,
      group: data.group,
      respondent: state.respondent,
      answers: answers,
      submitted: now(),
      language: data.lang
    };
  }

  function csvCell(value) {
    var text = value === undefined || value === null ? "" : String(value);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function asCsv(one) {
    var header = ["respondent", "group", "version", "assessment", "submitted", "language"].concat(labels.items);
    var row = [one.respondent, one.group, one.version, one.assessment, one.submitted, one.language].concat(
      labels.items.map(function (id) { return one.answers[id]; }));
    return header.map(csvCell).join(",") + "\r\n" + row.map(csvCell).join(",") + "\r\n";
  }

  function download(text, type, extension) {
    var blob = new Blob([text], { type: type });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = data.stem + "-" + state.respondent + "." + extension;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  document.getElementById("ob-qs-json").addEventListener("click", function () {
    download(JSON.stringify([response()], null, 2) + "\n", "application/json", "json");
  });
  document.getElementById("ob-qs-csv").addEventListener("click", function () {
    download(asCsv(response()), "text/csv;charset=utf-8", "csv");
  });
  document.getElementById("ob-qs-print").addEventListener("click", function () { window.print(); });
  document.getElementById("ob-qs-clear").addEventListener("click", function () {
    if (!window.confirm(message("confirm"))) { return; }
    try { localStorage.removeItem(KEY); } catch (error) { /* nothing kept */ }
    state = { respondent: newRespondent(), answers: {}, started: now() };
    form.reset();
    results.hidden = true;
    missingBox.hidden = true;
    showProgress();
  });

  /* -- the end: what is missing, then the scores --------------------------------------------- */
  function missing() {
    return labels.required.filter(function (id) { return state.answers[id] === undefined; });
  }

  function showMissing(ids) {
    missingBox.textContent = "";
    var intro = document.createElement("p");
    intro.textContent = message("missing", { n: ids.length });
    var list = document.createElement("ul");
    ids.forEach(function (id) {
      var fieldset = document.getElementById("q-" + id);
      fieldset.classList.add("unanswered");
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#q-" + id;
      link.textContent = message("question", { n: labels.items.indexOf(id) + 1 });
      item.appendChild(link);
      list.appendChild(item);
    });
    missingBox.appendChild(intro);
    missingBox.appendChild(list);
    missingBox.hidden = false;
    missingBox.focus();
  }

  /* digits 0-9 in every language (as the report and the rest of the site): Arabic's default would be ٠-٩ */
  function number(value) {
    return new Intl.NumberFormat(document.documentElement.lang || "en", { maximumFractionDigits: 0, numberingSystem: "latn" }).format(value);
  }

  function showScores() {
    var box = document.getElementById("ob-qs-scores");
    box.textContent = "";
    var note = document.createElement("p");
    var bundle = window.OB_SCORE_BUNDLES && window.OB_SCORE_BUNDLES[data.assessment];
    if (!window.OBScore || !bundle) {
      note.textContent = message("noScoring");
      box.appendChild(note);
      return;
    }
    var result;
    try {
      /* the very file the person can download, read as the results page reads files */
      var read = window.OBScore.readFiles([{ name: data.stem + ".json", text: JSON.stringify([response()]) }], bundle);
      if (!read.responses || read.problems.length) { throw new Error("the answers do not read"); }
      result = window.OBScore.score(bundle, read.responses, { minGroupSize: 1 });
    } catch (error) {
      note.textContent = message("scoreError");
      box.appendChild(note);
      return;
    }
    var mine = (result.groups || []).filter(function (g) { return g.group === data.group; })[0];
    var list = document.createElement("ul");
    list.className = "scores";
    ((mine && mine.dimensions) || []).forEach(function (dimension) {
      var item = document.createElement("li");
      item.className = "card";
      var heading = document.createElement("h3");
      heading.textContent = labels.dimensions[dimension.dimension] || dimension.dimension;
      item.appendChild(heading);
      var line = document.createElement("p");
      if (dimension.score === null || dimension.score === undefined) {
        line.textContent = message("noAnswers");
      } else {
        var band = labels.bands[dimension.band];
        /* "47 / 100" as one unit (as "47/100" is laid out in Arabic text): not isolated, its spaces
           split it into two numbers among Arabic words, laid out in reverse order (100 on the left) */
        var score = document.createElement("bdi");
        score.textContent = number(dimension.score) + " / 100";
        line.append(message("score") + ": ", score, band ? " · " + message("band") + ": " + band.label : "");
        var meter = document.createElement("meter");
        meter.min = 0; meter.max = 100; meter.value = dimension.score;
        meter.setAttribute("aria-hidden", "true");
        item.appendChild(line);
        item.appendChild(meter);
        line = null;
      }
      if (line) { item.appendChild(line); }
      var advice = (result.recommendations || {})[dimension.dimension] || [];
      var links = advice.filter(function (id) { return labels.resources[id]; });
      if (links.length) {
        var title = document.createElement("p");
        title.className = "small";
        title.textContent = message("recommended") + ":";
        var ul = document.createElement("ul");
        links.forEach(function (id) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = labels.resources[id][0];
          a.textContent = labels.resources[id][1];
          li.appendChild(a);
          ul.appendChild(li);
        });
        item.appendChild(title);
        item.appendChild(ul);
      }
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  document.getElementById("ob-qs-finish").addEventListener("click", function () {
    var ids = missing();
    if (ids.length) { showMissing(ids); return; }
    missingBox.hidden = true;
    showScores();
    results.hidden = false;
    document.getElementById("ob-qs-results-h").focus();
  });

  restore();
  showProgress();
})();
