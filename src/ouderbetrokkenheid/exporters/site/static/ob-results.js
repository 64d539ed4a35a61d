/* The results page: response files in (dropped or chosen), the report out. Everything happens here:
 * the files are read with FileReader and never sent (the site's CSP allows no request). Problems are
 * inserted as text (textContent); the report is HTML made by OBReport, where every piece of content
 * is escaped as Python's report escapes it. */
(function () {
  "use strict";

  var form = document.getElementById("ob-results");
  if (!form || !window.OBScore || !window.OBReport || !window.OB_SCORE_BUNDLES) { return; }
  var words = JSON.parse(document.getElementById("ob-words").textContent);
  var lang = document.documentElement.lang;
  var select = document.getElementById("ob-instrument");
  var input = document.getElementById("ob-files");
  var drop = document.getElementById("ob-drop");
  var status = document.getElementById("ob-status");
  var readSection = document.getElementById("ob-read");
  var fileList = document.getElementById("ob-file-list");
  var problemSection = document.getElementById("ob-problems");
  var problemBody = document.querySelector("#ob-problem-table tbody");
  var report = document.getElementById("ob-report");
  var actions = document.getElementById("ob-actions");
  var download = document.getElementById("ob-download");
  var lastFiles = [];
  var downloadUrl = null;
  form.hidden = false;

  /** The id of the chosen instrument (ids stay out of what a visitor sees: in data- attributes). */
  function chosen() { return select.options[select.selectedIndex].getAttribute("data-instrument"); }

  function say(key, fields) {
    var text = words.page[key];
    Object.keys(fields || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(fields[name])); });
    return text;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  /** The instrument the files name (JSON "assessment", a CSV assessment or ob_instrument column), if
   * it is one of this site's and not the one chosen. */
  function named(files) {
    var ids = Object.keys(window.OB_SCORE_BUNDLES);
    for (var i = 0; i < files.length; i++) {
      var head = new TextDecoder("utf-8").decode(files[i].bytes.subarray(0, 65536));
      for (var k = 0; k < ids.length; k++) {
        if (ids[k] !== chosen() && head.indexOf(ids[k]) >= 0 && head.indexOf(chosen()) < 0) { return ids[k]; }
      }
    }
    return null;
  }

  function show(files) {
    lastFiles = files;
    var started = performance.now();
    var bundle = window.OB_SCORE_BUNDLES[chosen()];
    var read = OBScore.readFiles(files, bundle);
    fileList.textContent = "";
    read.files.forEach(function (file) {
      var item = element("li");
      item.appendChild(element("strong", file.name));
      item.appendChild(document.createTextNode(" — " + (file.problems ? say("results_file_bad", { n: file.problems }) : say("results_file_ok", { n: file.respondents }))));
      if (file.problems) { item.className = "bad"; }
      fileList.appendChild(item);
    });
    readSection.hidden = false;
    problemBody.textContent = "";
    read.problems.forEach(function (problem) {
      var row = element("tr");
      row.appendChild(element("td", problem.file || ""));
      row.appendChild(element("td", problem.line === undefined ? "" : problem.line, "num"));
      row.appendChild(element("td", problem.column === undefined ? "" : problem.column, "num"));
      var what = element("td", problem.message);
      if (problem.pointer) { what.appendChild(document.createTextNode(" ")); what.appendChild(element("code", problem.pointer)); }
      row.appendChild(what);
      row.appendChild(element("td", problem.hint || ""));
      row.setAttribute("data-code", problem.code);
      problemBody.appendChild(row);
    });
    problemSection.hidden = !read.problems.length;
    var other = read.problems.length ? named(files) : null;
    var result = null;
    if (read.responses !== null) {
      try { result = OBScore.score(bundle, read.responses); }
      catch (error) { if (!error.problems) { throw error; } }
    }
    if (result === null) {
      report.hidden = true;
      actions.hidden = true;
      report.textContent = "";
      status.textContent = other !== null
        ? say("results_other", { title: select.querySelector('option[data-instrument="' + CSS.escape(other) + '"]').textContent })
        : say("results_no_report");
      return;
    }
    var drawn = OBReport.render(result, bundle, words.report, {
      lang: lang,
      link: function (resource) { return resource.path[lang] ? "../" + resource.path[lang] : null; }
    });
    report.innerHTML = '<header class="report-head">' + drawn.head + "</header>\n" + drawn.main;
    /* a chart or table scrolls inside its own box on a phone: it can be reached and scrolled with the keyboard */
    Array.prototype.forEach.call(report.querySelectorAll("figure, table"), function (box) { box.tabIndex = 0; });
    report.setAttribute("data-result", JSON.stringify(result));
    report.hidden = false;
    if (downloadUrl) { URL.revokeObjectURL(downloadUrl); }
    downloadUrl = URL.createObjectURL(new Blob([JSON.stringify(result, null, 2) + "\n"], { type: "application/json" }));
    download.href = downloadUrl;
    download.setAttribute("download", chosen().replace(/[^a-z0-9._-]+/g, "_") + "-result.json");
    actions.hidden = false;
    status.textContent = "";
    report.setAttribute("data-ms", String(Math.round(performance.now() - started)));
  }

  function take(fileObjects) {
    var list = Array.prototype.slice.call(fileObjects);
    if (!list.length) { return; }
    status.textContent = say("results_reading");
    Promise.all(list.map(function (file) {
      return file.arrayBuffer().then(function (buffer) { return { name: file.name, bytes: new Uint8Array(buffer) }; });
    })).then(show).catch(function (error) { status.textContent = String(error && error.message || error); });
  }

  input.addEventListener("change", function () { take(input.files); });
  select.addEventListener("change", function () { if (lastFiles.length) { show(lastFiles); } });
  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    drop.addEventListener(name, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files) { take(event.dataTransfer.files); }
  });
  document.getElementById("ob-print").addEventListener("click", function () { window.print(); });
}());
