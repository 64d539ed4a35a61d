/* The report on a scored result, as `ouderbetrokkenheid report --to html` writes it: a port of
 * ouderbetrokkenheid.reports.view (what is shown: privacy decided here), reports.html (the sections)
 * and reports.charts (the SVG charts). tests/test_site_score.py draws generated results with both and
 * compares the HTML of the report's sections character for character.
 *
 * OBReport.render(result, bundle, words, options) -> {head, main, view}: HTML strings in which every
 * piece of content is escaped (as Python's html.escape). main is the report's sections as Python writes
 * them; head is the site's own (the title, version and minimum group size; no instrument id is shown
 * to a visitor). words: the report's message catalogue in the page's language ({lang, messages,
 * langs: the language each message is written in});
 * options.lang: the page's language; options.link(resource) -> a URL for a recommended resource (an
 * entry of bundle.catalog.resources), or null. Loadable in the browser (window.OBReport) and in node. */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) { module.exports = factory(); }
  else { root.OBReport = factory(); }
}(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var GAP_ITEMS = 3;
  var WIDTH = 760, FONT = 13, SMALL = 11;
  var FILLS = [["#1f4e79", "solid"], ["#9c4200", "hatch"], ["#2e6b30", "dots"], ["#5b3a8c", "lines"], ["#3d3d3d", "cross"]];
  /* reports.messages.RTL_LANGUAGES and RTL_SCRIPTS (lower case): tests/test_site_score.py keeps them equal */
  var RTL = [
    "aeb", "apc", "apd", "ar", "arq", "ars", "ary", "arz", "avl", "bal", "bej", "bft", "bgn", "bqi",
    "brh", "cja", "ckb", "dcc", "dgl", "dv", "fa", "fia", "fub", "gbz", "gjk", "gju", "glk", "gwc",
    "gwt", "haz", "he", "hnd", "hno", "iw", "ji", "kby", "khw", "ks", "kvx", "kxp", "kzh", "lad", "lah",
    "lki", "lrc", "luz", "mde", "mfa", "mki", "mvy", "myz", "mzn", "nqo", "oru", "ota", "phl", "prd",
    "ps", "rhg", "rmt", "scl", "sd", "sdh", "shu", "skr", "smp", "swb", "syr", "trw", "ug", "ur", "wni",
    "yi", "zdj"
  ];
  var RTL_SCRIPTS = ["adlm", "arab", "aran", "hebr", "mand", "mend", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi"];
  var DECIMAL_COMMA = ["nl", "fr", "de", "es", "it", "pt", "tr", "pl", "ro", "ru", "uk", "bg", "sq"];
  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };

  /* -- Python's formatting ------------------------------------------------------------------ */
  function esc(value) {
    return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }

  /** f"{abs(x):.{digits}f}" with Python's rounding (the exact value, ties to even). */
  function fixedAbs(x, digits) {
    x = Math.abs(x);
    var out = x.toFixed(digits);
    var exact = x.toFixed(Math.min(100, digits + 80));
    var tail = exact.slice(exact.length - 80);
    if (/^50*$/.test(tail)) {
      /* a tie: toFixed took the larger; Python the even one */
      var down = exact.slice(0, exact.length - 80);
      if (digits === 0) { down = down.replace(/\.$/, ""); }
      var last = +down.charAt(down.length - 1);
      if (last % 2 === 0) { out = down; }
    }
    return out;
  }

  /** f"{x:.{digits}f}" */
  function fixed(x, digits) {
    var text = fixedAbs(x, digits);
    return (x < 0 || Object.is(x, -0)) ? "-" + text : text;
  }

  function primary(lang) { return String(lang || "").split("-", 1)[0].toLowerCase(); }
  /** reports.messages.direction(): by the tag's script subtag when it has one, else by its language. */
  function direction(lang) {
    var subtags = String(lang || "").split("-");
    for (var i = 1; i < subtags.length; i++) {
      if (subtags[i].length === 1) { break; }
      if (/^[A-Za-z]{4}$/.test(subtags[i])) { return RTL_SCRIPTS.indexOf(subtags[i].toLowerCase()) >= 0 ? "rtl" : "ltr"; }
    }
    return RTL.indexOf(primary(lang)) >= 0 ? "rtl" : "ltr";
  }
  /** isolate(): a number or a code in <bdi> on a right-to-left page, so that its digits, signs and
   * Latin letters keep their order among Arabic or Hebrew words; unchanged on other pages. */
  function isolate(html, pageLang) { return direction(pageLang) === "rtl" ? "<bdi>" + html + "</bdi>" : html; }

  function formatNumber(value, lang, digits, signed) {
    if (digits === undefined) { digits = 1; }
    var text = fixedAbs(value, digits);
    if (DECIMAL_COMMA.indexOf(primary(lang)) >= 0) { text = text.replace(".", ","); }
    var zero = /^[0.,]*$/.test(text);
    if (value < 0 && !zero) { return "\u2212" + text; }
    if (signed && value > 0 && !zero) { return "+" + text; }
    return text;
  }

  function codePoints(s) { return Array.from(String(s)); }
  var PY_SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

  /* -- words ------------------------------------------------------------------------------- */
  function Words(words, pageLang) { this.words = words; this.lang = pageLang; }
  /** compose(): the catalogue's own words escaped with *escape*, fields inserted as given. */
  Words.prototype.compose = function (key, escape, fields) {
    var template = this.words.messages[key], out = "", i = 0;
    while (i < template.length) {
      var ch = template[i];
      if (ch === "{" && template[i + 1] === "{") { out += escape("{"); i += 2; continue; }
      if (ch === "}" && template[i + 1] === "}") { out += escape("}"); i += 2; continue; }
      if (ch === "{") {
        var end = template.indexOf("}", i);
        out += fields[template.slice(i + 1, end)];
        i = end + 1;
        continue;
      }
      var next = i;
      while (next < template.length && template[next] !== "{" && template[next] !== "}") { next++; }
      if (next === i) { next = i + 1; }
      out += escape(template.slice(i, next));
      i = next;
    }
    return out;
  };
  Words.prototype.plain = function (key, fields) { return this.compose(key, String, fields || {}); };
  /** message(): HTML, marked with its language (words.langs[key], the catalogue's language when not
   * given) when that is not the page's language: a partial catalogue's missing words are Dutch. */
  Words.prototype.html = function (key, fields) {
    var body = this.compose(key, esc, fields || {});
    var langs = this.words.langs || {};
    var attrs = langAttrs(has(langs, key) ? langs[key] : this.words.lang, this.lang);
    return attrs ? "<span" + attrs + ">" + body + "</span>" : body;
  };

  function langAttrs(tag, pageLang) {
    if (!tag || primary(tag) === primary(pageLang)) { return ""; }
    var out = ' lang="' + esc(tag) + '"';
    if (direction(tag) !== direction(pageLang)) { out += ' dir="' + direction(tag) + '"'; }
    return out;
  }

  function text(value, pageLang) {
    if (typeof value === "string") { return esc(value); }
    var attrs = langAttrs(value.lang, pageLang);
    return attrs ? "<span" + attrs + ">" + esc(value.text) + "</span>" : esc(value.text);
  }

  /* -- the view (reports.view.build_view) ------------------------------------------------------ */
  function resolve(value, chain, fallback) {
    if (value) {
      for (var i = 0; i < chain.length; i++) { if (has(value, chain[i])) { return { text: value[chain[i]], lang: chain[i] }; } }
      var keys = Object.keys(value);
      if (keys.length) { return { text: value[keys[0]], lang: keys[0] }; }
    }
    return { text: fallback, lang: "" };
  }

  function sortStable(list, key) {
    var keyed = list.map(function (v, i) { return { k: key(v), v: v, i: i }; });
    keyed.sort(function (a, b) {
      for (var j = 0; j < a.k.length; j++) { if (a.k[j] < b.k[j]) { return -1; } if (a.k[j] > b.k[j]) { return 1; } }
      return a.i - b.i;
    });
    return keyed.map(function (x) { return x.v; });
  }

  function ordered(known, present) {
    var seen = {}, list = [];
    present.forEach(function (p) { if (!has(seen, p)) { seen[p] = 1; list.push(p); } });
    var order = {};
    known.forEach(function (k, i) { order[k] = i; });
    return sortStable(list, function (k) { return [has(order, k) ? order[k] : known.length, list.indexOf(k)]; });
  }

  function items(assessment) {
    var out = [];
    (assessment.sections || []).forEach(function (s) { (s.items || []).forEach(function (i) { out.push(i); }); });
    return out;
  }

  function buildView(result, bundle, lang, resourceOf) {
    var assessment = bundle.assessment;
    var chain = bundle.chains[lang];
    var label = function (value, fallback) { return resolve(value, chain, fallback); };
    var bands = sortStable((assessment.bands || []).slice(), function (b) { return [b.min]; }).map(function (b) {
      return {
        id: b.id, min: b.min, max: b.max, label: label(b.label, b.id), needs_work: !!b.needs_work,
        interpretation: b.interpretation ? label(b.interpretation, "") : null
      };
    });
    var bandById = {};
    bands.forEach(function (b) { bandById[b.id] = b; });
    var groupDefs = {}, dimensionDefs = {};
    assessment.groups.forEach(function (g) { groupDefs[g.id] = g; });
    (assessment.dimensions || []).forEach(function (d) { dimensionDefs[d.id] = d; });
    var minimum = Math.max(result.min_group_size, assessment.min_group_size === undefined ? 5 : assessment.min_group_size);
    var results = {};
    (result.groups || []).forEach(function (g) { results[g.group] = g; });
    var groups = ordered(assessment.groups.map(function (g) { return g.id; }), (result.groups || []).map(function (g) { return g.group; }))
      .map(function (id) {
        var found = results[id], hidden = found.suppressed || found.respondents < minimum;
        return { id: id, label: label(has(groupDefs, id) ? groupDefs[id].label : null, id), suppressed: hidden, respondents: hidden ? null : found.respondents };
      });
    var shown = {};
    groups.forEach(function (g) { if (!g.suppressed) { shown[g.id] = g; } });
    var scores = {}, scoreOrder = [];
    groups.forEach(function (group) {
      if (group.suppressed) { return; }
      (results[group.id].dimensions || []).forEach(function (s) {
        if (!has(scores, s.dimension)) { scores[s.dimension] = []; scoreOrder.push(s.dimension); }
        scores[s.dimension].push({
          group: group, answers: s.answers, mean: has(s, "mean") ? s.mean : null, score: has(s, "score") ? s.score : null,
          band: bandOf(has(s, "band") ? s.band : null, bandById)
        });
      });
    });
    var visible = (result.gaps || []).filter(function (g) { return has(shown, g.first) && has(shown, g.second); });
    var dimensionKnown = (assessment.dimensions || []).map(function (d) { return d.id; });
    var dimensionIds = ordered(dimensionKnown, scoreOrder.concat(visible.map(function (g) { return g.dimension; })));
    var recommendations = result.recommendations || {};
    ordered(dimensionKnown, Object.keys(recommendations)).forEach(function (d) { if (dimensionIds.indexOf(d) < 0) { dimensionIds.push(d); } });
    var dimensions = {};
    dimensionIds.forEach(function (d) {
      dimensions[d] = { id: d, label: label(has(dimensionDefs, d) ? dimensionDefs[d].label : null, d), scores: has(scores, d) ? scores[d] : [] };
    });
    var top = bands.length && !bands[bands.length - 1].needs_work ? bands[bands.length - 1] : null;
    var all = [];
    dimensionIds.forEach(function (d) { dimensions[d].scores.forEach(function (s) { all.push([dimensions[d], s]); }); });
    var work = sortStable(all.filter(function (p) { return p[1].band !== null && p[1].band.needs_work && p[1].score !== null; }),
      function (p) { return [p[1].score || 0.0]; });
    var strong = sortStable(all.filter(function (p) { return top !== null && p[1].band === top && p[1].score !== null; }),
      function (p) { return [-(p[1].score || 0.0)]; });
    return {
      lang: lang, assessment: assessment.id, version: result.version, title: label(assessment.title, assessment.id),
      min_group_size: minimum, bands: bands, groups: groups,
      shown: groups.filter(function (g) { return !g.suppressed; }),
      suppressed: groups.filter(function (g) { return g.suppressed; }),
      dimensions: dimensionIds.map(function (d) { return dimensions[d]; }),
      gaps: gapViews(visible, assessment, dimensions, dimensionIds, shown, chain),
      strengths: strong, work: work,
      recommendations: dimensionIds.filter(function (d) { return has(recommendations, d) && recommendations[d].length; }).map(function (d) {
        return { dimension: dimensions[d], resources: recommendations[d].map(function (id) { return resourceOf(id); }) };
      })
    };
  }

  function bandOf(id, bands) {
    if (id === null) { return null; }
    if (has(bands, id)) { return bands[id]; }
    return { id: id, min: 0.0, max: 0.0, label: { text: id, lang: "" }, needs_work: false, interpretation: null };
  }

  function gapViews(visible, assessment, dimensions, dimensionIds, shown, chain) {
    var byLink = {};
    items(assessment).forEach(function (i) { byLink[i.link_id] = i; });
    var gaps = visible.map(function (gap) {
      var listed = sortStable((gap.items || []).filter(function (i) { return i.difference !== 0; }),
        function (i) { return [-Math.abs(i.difference), i.link_id]; }).slice(0, GAP_ITEMS);
      return {
        dimension: dimensions[gap.dimension], first: shown[gap.first], second: shown[gap.second], difference: gap.difference,
        items: listed.map(function (itemGap) {
          var item = has(byLink, itemGap.link_id) ? byLink[itemGap.link_id] : null, wording = null;
          if (item !== null) {
            wording = has(item.text, gap.first) && Object.keys(item.text[gap.first]).length ? item.text[gap.first] : null;
            if (wording === null) { var keys = Object.keys(item.text); wording = keys.length ? item.text[keys[0]] : null; }
          }
          return { link_id: itemGap.link_id, text: resolve(wording, chain, itemGap.link_id), difference: itemGap.difference };
        })
      };
    });
    return sortStable(gaps, function (g) { return [dimensionIds.indexOf(g.dimension.id)]; });
  }

  /* -- charts (reports.charts) ---------------------------------------------------------------- */
  function pattern(id, fill) {
    var head = '<pattern id="' + id + '" patternUnits="userSpaceOnUse" width="6" height="6"';
    var ground = '<rect width="6" height="6" fill="' + fill[0] + '"/>';
    if (fill[1] === "hatch") { return head + ' patternTransform="rotate(45)">' + ground + '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern>'; }
    if (fill[1] === "dots") { return head + ">" + ground + '<circle cx="3" cy="3" r="1.3" fill="#fff"/></pattern>'; }
    if (fill[1] === "lines") { return head + ">" + ground + '<line x1="0" y1="3" x2="6" y2="3" stroke="#fff" stroke-width="1.5"/></pattern>'; }
    if (fill[1] === "cross") {
      return head + ">" + ground + '<line x1="0" y1="3" x2="6" y2="3" stroke="#fff" stroke-width="1"/>' +
        '<line x1="3" y1="0" x2="3" y2="6" stroke="#fff" stroke-width="1"/></pattern>';
    }
    return "";
  }
  function paint(id, fill) { return fill[1] === "solid" ? fill[0] : "url(#" + id + ")"; }
  function clip(value, width, size) {
    var room = Math.max(4, Math.trunc(width / ((size || FONT) * 0.56)));
    var chars = codePoints(value);
    return chars.length <= room ? value : chars.slice(0, room - 1).join("").replace(PY_SPACE, "") + "\u2026";
  }
  function svgText(x, y, value, pageLang, attributes) {
    var attrs = "";
    (attributes || []).forEach(function (pair) { attrs += " " + pair[0] + '="' + esc(pair[1]) + '"'; });
    var lang = typeof value === "string" ? "" : langAttrs(value.lang, pageLang);
    return '<text x="' + fixed(x, 1) + '" y="' + fixed(y, 1) + '"' + attrs + lang + ">" + esc(typeof value === "string" ? value : value.text) + "</text>";
  }
  function svg(id, height, title, desc, defs, body) {
    return '<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ' + WIDTH + " " + fixed(height, 0) + '" ' +
      'width="' + WIDTH + '" height="' + fixed(height, 0) + '" aria-label="' + esc(title) + '" ' +
      'aria-describedby="' + id + '-desc" font-size="' + FONT + '">' +
      "<title>" + esc(title) + "</title>" + '<desc id="' + id + '-desc">' + esc(desc) + "</desc>" +
      "<defs>" + defs + "</defs>" + body.join("") + "</svg>";
  }
  /* Python's str(float) for an attribute such as font_size=11 (an int there) */
  var HALO = [["paint-order", "stroke"], ["stroke", "#fff"], ["stroke-width", "4"], ["stroke-linejoin", "round"]];

  function scoreChart(view, words, id) {
    id = id || "chart-scores";
    var lang = view.lang, groups = view.shown, fills = {};
    groups.forEach(function (g, i) { fills[g.id] = FILLS[i % FILLS.length]; });
    var dimensions = view.dimensions.filter(function (d) { return d.scores.length; });
    var longest = groups.length ? Math.max.apply(null, groups.map(function (g) { return codePoints(g.label.text).length; })) : 6;
    var left = Math.min(240.0, Math.max(110.0, longest * FONT * 0.56 + 24)), right = 58.0, plot = WIDTH - left - right;
    var x = function (s) { return left + Math.max(0.0, Math.min(100.0, s)) / 100 * plot; };
    var top = 30.0, row = 24.0, titleRow = 22.0, gap = 10.0;
    var height = top;
    var sum = 0;
    dimensions.forEach(function (d) { sum += titleRow + row * d.scores.length + gap; });
    height = top + sum + 28;
    var bottom = height - 26, body = [];
    view.bands.forEach(function (band, i) {
      var x0 = x(band.min), x1 = x(band.max);
      body.push('<rect x="' + fixed(x0, 1) + '" y="' + fixed(top - 4, 1) + '" width="' + fixed(x1 - x0, 1) + '" height="' + fixed(bottom - top + 4, 1) + '" fill="' + (i % 2 === 0 ? "#f0f0f0" : "#ffffff") + '"/>');
      body.push(svgText((x0 + x1) / 2, top - 12, { text: clip(band.label.text, x1 - x0, SMALL), lang: band.label.lang }, lang,
        [["text-anchor", "middle"], ["font-size", SMALL], ["fill", "#333"], ["font-weight", band.needs_work ? "bold" : "normal"]]));
      if (band.min > 0) {
        body.push('<line x1="' + fixed(x0, 1) + '" y1="' + fixed(top - 4, 1) + '" x2="' + fixed(x0, 1) + '" y2="' + fixed(bottom, 1) + '" stroke="#555" stroke-width="1" stroke-dasharray="4 3"/>');
      }
    });
    body.push('<line x1="' + fixed(left, 1) + '" y1="' + fixed(bottom, 1) + '" x2="' + fixed(x(100), 1) + '" y2="' + fixed(bottom, 1) + '" stroke="#333"/>');
    for (var tick = 0; tick <= 100; tick += 25) {
      body.push('<line x1="' + fixed(x(tick), 1) + '" y1="' + fixed(bottom, 1) + '" x2="' + fixed(x(tick), 1) + '" y2="' + fixed(bottom + 4, 1) + '" stroke="#333"/>');
      body.push(svgText(x(tick), bottom + 17, String(tick), lang, [["text-anchor", "middle"], ["font-size", SMALL]]));
    }
    var y = top + 4, descriptions = [];
    dimensions.forEach(function (dimension) {
      body.push(svgText(0, y + 14, { text: clip(dimension.label.text, WIDTH), lang: dimension.label.lang }, lang, [["font-weight", "bold"]]));
      y += titleRow;
      var parts = [];
      dimension.scores.forEach(function (s) {
        var group = s.group;
        body.push(svgText(left - 8, y + 15, { text: clip(group.label.text, left - 12), lang: group.label.lang }, lang, [["text-anchor", "end"]]));
        if (s.score === null) {
          var note = words.plain("no_answers");
          body.push(svgText(left + 6, y + 15, note, lang, [["font-style", "italic"], ["fill", "#333"]]));
          parts.push(group.label.text + " " + note);
        } else {
          var number = formatNumber(s.score, lang);
          var width = Math.max(1.5, x(s.score) - left);
          var fill = paint(id + "-p" + groups.indexOf(group), fills[group.id]);
          body.push('<rect x="' + fixed(left, 1) + '" y="' + fixed(y + 4, 1) + '" width="' + fixed(width, 1) + '" height="16" fill="' + fill + '" stroke="#111" stroke-width="0.75"/>');
          body.push(svgText(left + width + 5, y + 16.5, number, lang, [["font-weight", "bold"]]));
          parts.push(group.label.text + " " + number + (s.band ? " (" + s.band.label.text + ")" : ""));
        }
        y += row;
      });
      y += gap;
      descriptions.push(dimension.label.text + ": " + parts.join("; "));
    });
    var defs = groups.map(function (g, i) { return pattern(id + "-p" + i, fills[g.id]); }).join("");
    return svg(id, height, words.plain("chart_scores"), descriptions.join(". "), defs, body);
  }

  function gapChart(view, words, id) {
    id = id || "chart-gaps";
    var lang = view.lang;
    var largest = view.gaps.length ? Math.max.apply(null, view.gaps.map(function (g) { return Math.abs(g.difference); })) : 0.0;
    var reach = Math.min(100.0, Math.max(25.0, Math.ceil(largest / 25) * 25));
    var side = 64.0, plot = WIDTH - 2 * side, centre = side + plot / 2;
    var x = function (d) { return centre + Math.max(-reach, Math.min(reach, d)) / reach * plot / 2; };
    var top = 34.0, titleRow = 22.0, row = 24.0, gap = 8.0;
    var height = top + view.gaps.length * (titleRow + row + gap) + 30, bottom = height - 26;
    var positive = ["#1f4e79", "solid"], negative = ["#9c4200", "hatch"];
    var body = [
      svgText(side, 14, "\u2190 " + words.plain("chart_gaps_left"), lang, [["font-size", SMALL], ["fill", "#333"]]),
      svgText(WIDTH - side, 14, words.plain("chart_gaps_right") + " \u2192", lang, [["font-size", SMALL], ["fill", "#333"], ["text-anchor", "end"]]),
      '<line x1="' + fixed(centre, 1) + '" y1="' + fixed(top - 10, 1) + '" x2="' + fixed(centre, 1) + '" y2="' + fixed(bottom, 1) + '" stroke="#111" stroke-width="1.5"/>',
      '<line x1="' + fixed(side, 1) + '" y1="' + fixed(bottom, 1) + '" x2="' + fixed(WIDTH - side, 1) + '" y2="' + fixed(bottom, 1) + '" stroke="#333"/>'
    ];
    [-1.0, -0.5, 0.0, 0.5, 1.0].forEach(function (step) {
      var tick = x(step * reach);
      body.push('<line x1="' + fixed(tick, 1) + '" y1="' + fixed(bottom, 1) + '" x2="' + fixed(tick, 1) + '" y2="' + fixed(bottom + 4, 1) + '" stroke="#333"/>');
      if (step) {
        body.push('<line x1="' + fixed(tick, 1) + '" y1="' + fixed(top - 10, 1) + '" x2="' + fixed(tick, 1) + '" y2="' + fixed(bottom, 1) + '" stroke="#999" stroke-width="0.75" stroke-dasharray="2 3"/>');
      }
      body.push(svgText(tick, bottom + 17, formatNumber(step * reach, lang, 0, true), lang, [["text-anchor", "middle"], ["font-size", SMALL]]));
    });
    var y = top, descriptions = [];
    view.gaps.forEach(function (item) {
      var pair = words.plain("gap_between", { first: item.first.label.text, second: item.second.label.text });
      var heading = words.plain("label_value", { label: item.dimension.label.text, value: pair });
      body.push(svgText(side, y + 14, clip(heading, plot), lang, [["font-weight", "bold"]].concat(HALO)));
      y += titleRow;
      var number = formatNumber(item.difference, lang, 1, true);
      var end = x(item.difference);
      var start = Math.min(centre, end), width = Math.max(1.5, Math.abs(end - centre));
      var fill = item.difference >= 0 ? positive : negative;
      body.push('<rect x="' + fixed(start, 1) + '" y="' + fixed(y + 4, 1) + '" width="' + fixed(width, 1) + '" height="16" fill="' + paint(id + "-neg", fill) + '" stroke="#111" stroke-width="0.75"/>');
      if (item.difference >= 0) { body.push(svgText(start + width + 5, y + 16.5, number, lang, [["font-weight", "bold"]])); }
      else { body.push(svgText(start - 5, y + 16.5, number, lang, [["font-weight", "bold"], ["text-anchor", "end"]])); }
      descriptions.push(heading + ": " + number);
      y += row + gap;
    });
    return svg(id, height, words.plain("chart_gaps"), descriptions.join(". "), pattern(id + "-neg", negative), body);
  }

  /* -- the page (reports.html._Page) ---------------------------------------------------------- */
  function render(result, bundle, words, options) {
    options = options || {};
    var lang = options.lang || "nl";
    var w = new Words(words, lang);
    var resources = {};
    ((bundle.catalog || {}).resources || []).forEach(function (r) { resources[r.id] = r; });
    var resourceOf = function (id) {
      var found = has(resources, id) ? resources[id] : null;
      if (found === null || !has(found.title, lang)) { return { id: id, title: { text: id, lang: "" }, url: null }; }
      return { id: id, title: { text: found.title[lang], lang: found.title_lang[lang] }, url: options.link ? options.link(found) : null };
    };
    var view = buildView(result, bundle, lang, resourceOf);
    var t = function (value) { return text(value, lang); };
    var num = function (value, digits, signed) {
      return value === null ? "\u2014" : isolate(formatNumber(value, lang, digits === undefined ? 1 : digits, signed), lang);
    };
    var section = function (key, content) {
      return '<section aria-labelledby="' + key + '">\n<h2 id="' + key + '">' + w.html(key) + "</h2>\n" + content + "</section>\n";
    };
    var head = '<p class="kicker">' + w.html("report") + "</p>\n" +
      '<h2 class="report-title">' + t(view.title) + "</h2>\n" +
      '<p class="meta">' + w.html("version", { version: isolate(esc(view.version), lang) }) +
      " \u00b7 " + w.html("min_group", { n: String(view.min_group_size) }) + "</p>\n";

    var respondentRows = view.groups.map(function (g) {
      var cell = g.respondents === null
        ? '<td class="suppressed">' + w.html("suppressed", { n: String(view.min_group_size) }) + "</td>"
        : '<td class="num">' + g.respondents + "</td>";
      return '<tr><th scope="row">' + t(g.label) + "</th>" + cell + "</tr>";
    });
    var parts = [section("respondents", '<table aria-labelledby="respondents">\n' +
      '<thead><tr><th scope="col">' + w.html("group") + '</th><th scope="col">' + w.html("respondents") + "</th></tr></thead>\n" +
      "<tbody>\n" + respondentRows.join("\n") + "\n</tbody>\n</table>\n")];

    var scoreParts = [];
    if (view.bands.length) {
      var bands = view.bands.map(function (b) { return t(b.label) + " (" + num(b.min, 0) + "\u2013" + num(b.max, 0) + ")"; }).join(", ");
      scoreParts.push("<p>" + w.html("scores_intro", { bands: bands }) + "</p>\n");
      var explained = view.bands.filter(function (b) { return b.interpretation && b.interpretation.text; });
      if (explained.length) {
        scoreParts.push('<dl class="bands">\n' + explained.map(function (b) { return "<dt>" + t(b.label) + "</dt><dd>" + t(b.interpretation) + "</dd>\n"; }).join("") + "</dl>\n");
      }
    }
    if (view.suppressed.length) {
      scoreParts.push('<p class="note">' + w.html("suppressed_note", { n: String(view.min_group_size), groups: view.suppressed.map(function (g) { return t(g.label); }).join(", ") }) + "</p>\n");
    }
    var scored = view.dimensions.filter(function (d) { return d.scores.length; });
    if (!scored.length) {
      scoreParts.push("<p>" + w.html("no_scores") + "</p>\n");
    } else {
      scoreParts.push("<figure>\n" + scoreChart(view, w) + "\n<figcaption>" + w.html("chart_scores") + "</figcaption>\n</figure>\n");
      scored.forEach(function (dimension, index) {
        var heading = "dimension-" + (index + 1);
        var headCells = ["group", "mean", "score", "band", "answers"].map(function (key) {
          return '<th scope="col"' + (key === "mean" || key === "score" || key === "answers" ? ' class="num"' : "") + ">" + w.html(key) + "</th>";
        }).join("");
        var rows = dimension.scores.map(function (s) {
          var band;
          if (s.band !== null) { band = "<td" + (s.band.needs_work ? ' class="needs-work"' : "") + ">" + t(s.band.label) + "</td>"; }
          else if (!s.answers) { band = '<td class="suppressed">' + w.html("no_answers") + "</td>"; }
          else { band = "<td>\u2014</td>"; }
          return '<tr><th scope="row">' + t(s.group.label) + "</th>" + '<td class="num">' + num(s.mean, 2) + "</td>" +
            '<td class="num">' + num(s.score) + "</td>" + band + '<td class="num">' + s.answers + "</td></tr>";
        }).join("\n");
        scoreParts.push('<h3 id="' + heading + '">' + t(dimension.label) + "</h3>\n" +
          '<table class="scores" aria-labelledby="' + heading + '">\n<thead><tr>' + headCells + "</tr></thead>\n" +
          "<tbody>\n" + rows + "\n</tbody>\n</table>\n");
      });
    }
    parts.push(section("scores", scoreParts.join("")));

    if (!view.gaps.length) { parts.push(section("gaps", "<p>" + w.html("no_gaps") + "</p>\n")); }
    else {
      var gapParts = ["<p>" + w.html("gaps_intro") + "</p>\n",
        "<figure>\n" + gapChart(view, w) + "\n<figcaption>" + w.html("chart_gaps") + "</figcaption>\n</figure>\n"];
      view.gaps.forEach(function (gap) {
        var pair = w.html("gap_between", { first: t(gap.first.label), second: t(gap.second.label) });
        var heading = w.html("label_value", { label: t(gap.dimension.label), value: pair });
        var number = '<span class="num">' + num(gap.difference, 1, true) + "</span>";
        gapParts.push("<h3>" + w.html("label_value", { label: heading, value: number }) + "</h3>\n");
        if (gap.items.length) {
          gapParts.push("<p>" + w.html("gap_items") + '</p>\n<ul class="items">\n' + gap.items.map(function (i) {
            return "<li>" + t(i.text) + ' <span class="num">(' + num(i.difference, 1, true) + ")</span></li>";
          }).join("\n") + "\n</ul>\n");
        }
      });
      parts.push(section("gaps", gapParts.join("")));
    }

    [["strengths", view.strengths], ["work_points", view.work]].forEach(function (pair) {
      if (!pair[1].length) { parts.push(section(pair[0], "<p>" + w.html("none") + "</p>\n")); return; }
      parts.push(section(pair[0], '<ul class="points">\n' + pair[1].map(function (point) {
        var who = t(point[0].label) + " \u2014 " + t(point[1].group.label);
        var band = point[1].band;
        var what = (band ? t(band.label) : "\u2014") + " (" + num(point[1].score) + ")";
        return "<li>" + w.html("label_value", { label: who, value: what }) + "</li>";
      }).join("\n") + "\n</ul>\n"));
    });

    if (!view.recommendations.length) { parts.push(section("recommendations", "<p>" + w.html("no_recommendations") + "</p>\n")); }
    else {
      parts.push(section("recommendations", view.recommendations.map(function (r) {
        return "<h3>" + t(r.dimension.label) + "</h3>\n<ul>\n" + r.resources.map(function (res) {
          var label = t(res.title);
          return "<li>" + (res.url ? '<a href="' + esc(res.url) + '">' + label + "</a>" : label) + "</li>";
        }).join("\n") + "\n</ul>\n";
      }).join("")));
    }
    return { head: head, main: parts.join(""), view: view };
  }

  return { render: render, formatNumber: formatNumber, fixed: fixed, esc: esc, direction: direction };
}));
