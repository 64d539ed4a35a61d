/* ouderbetrokkenheid scoring in the browser: a port of ouderbetrokkenheid.scoring (score, checks,
 * recommend) and of the response readers (ouderbetrokkenheid.responses: CSV, JSON, KoboToolbox/ODK).
 *
 * Python is the truth: tests/test_site_score.py scores generated assessments and response sets with
 * both and compares every number, problem, row and column. Floats follow Python exactly: weighted
 * sums are exact (BigInt, as Python's fractions) and divided with one correct rounding.
 *
 * No network, no DOM: OBScore.score(bundle, responses, options) and OBScore.readFiles(files, bundle)
 * are pure. Loadable as a browser script (window.OBScore) and as a CommonJS module (node). */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) { module.exports = factory(); }
  else { root.OBScore = factory(); }
}(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var NO_ANSWER = "";
  var GAP_ITEMS = 5;
  var DEGENERATE_SCORE = 50.0;
  var MAX_PER_CODE = 100;
  var MAX_RESPONDENT_ID = 100;
  var MAX_FILE_BYTES = 512 * 1024 * 1024;
  var DIRECT_RANK = 2.0;
  var PREDICATE_RANK = { exact: 1.5, close: 1.5, broad: 1.0, narrow: 1.0, related: 0.5 };
  var THEME_RANK = 0.1;
  var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
  /** A map keyed by data (a respondent id may be "__proto__"). */
  var dict = function () { return Object.create(null); };

  /* -- exact arithmetic: every double is an integer times 2^-1074 ---------------------------- */
  var VIEW = new DataView(new ArrayBuffer(8));
  var B0 = BigInt(0), B1 = BigInt(1);
  var SHIFT_1074 = BigInt(1074);

  /** x * 2^1074 as a BigInt (exact for every finite double). */
  function scaled(x) {
    VIEW.setFloat64(0, x);
    var high = VIEW.getUint32(0), low = VIEW.getUint32(4);
    var exponent = (high >>> 20) & 0x7ff;
    var mantissa = (BigInt(high & 0xfffff) << BigInt(32)) | BigInt(low);
    var value;
    if (exponent === 0) { value = mantissa; }
    else { value = (mantissa | (B1 << BigInt(52))) << BigInt(exponent - 1); }
    return (high >>> 31) ? -value : value;
  }

  function bitLength(n) { return n === B0 ? 0 : n.toString(2).length; }

  /** n / d correctly rounded to a double (round half to even), as Python's int / int. d > 0. */
  function divide(n, d) {
    if (n === B0) { return 0.0; }
    var negative = n < B0;
    if (negative) { n = -n; }
    var shift = 55 - (bitLength(n) - bitLength(d));
    var q, r;
    if (shift >= 0) { var nn = n << BigInt(shift); q = nn / d; r = nn % d; }
    else { var dd = d << BigInt(-shift); q = n / dd; r = n % dd; }
    var sticky = r !== B0;
    var k = Math.max(bitLength(q) - 53, -1074 + shift);
    if (k > 0) {
      var bk = BigInt(k);
      var low = q & ((B1 << bk) - B1), half = B1 << (bk - B1);
      q >>= bk;
      if (low > half || (low === half && (sticky || (q & B1) === B1))) { q += B1; }
    }
    var value = mulPow2(Number(q), k - shift);
    return negative ? -value : value;
  }

  function mulPow2(x, e) {
    while (e > 1000) { x *= Math.pow(2, 1000); e -= 1000; }
    if (e < -1000) { x *= Math.pow(2, e + 1000); return x * Math.pow(2, -1000); }
    return x * Math.pow(2, e);
  }

  /* -- Python's min/max with floats (the first argument wins ties, as in Python) --------------- */
  function clampScore(v) { var m = v > 0.0 ? v : 0.0; return m < 100.0 ? m : 100.0; }
  function clampGap(v) { var m = v > -100.0 ? v : -100.0; return m < 100.0 ? m : 100.0; }

  /* -- scales ------------------------------------------------------------------------------- */
  function isScored(option) { return !option.not_applicable && option.score !== undefined && option.score !== null; }

  function scaleBounds(scale) {
    var scores = scale.options.filter(isScored).map(function (o) { return Number(o.score); });
    if (!scores.length) { return null; }
    var low = scores[0], high = scores[0];
    scores.forEach(function (s) { if (s < low) { low = s; } if (s > high) { high = s; } });
    return [low, high];
  }

  function normalise(value, low, high, reverse) {
    if (high === low) { return DEGENERATE_SCORE; }
    var share = reverse ? (high - value) : (value - low);
    return clampScore(share / (high - low) * 100.0);
  }

  function items(assessment) {
    var out = [];
    (assessment.sections || []).forEach(function (s) { (s.items || []).forEach(function (i) { out.push(i); }); });
    return out;
  }

  function scaleOf(assessment, id) {
    return (assessment.scales || []).filter(function (s) { return s.id === id; })[0];
  }

  function plans(assessment) {
    return items(assessment).map(function (item) {
      var scale = scaleOf(assessment, item.scale);
      var bounds = scaleBounds(scale);
      var codes = [], values = [];
      scale.options.forEach(function (option) {
        codes.push(option.code);
        if (bounds === null || !isScored(option)) { values.push(null); return; }
        var raw = Number(option.score);
        var value = item.reverse ? bounds[0] + bounds[1] - raw : raw;
        var norm = normalise(raw, bounds[0], bounds[1], !!item.reverse);
        values.push([value, norm, scaled(value), scaled(norm)]);
      });
      var weight = item.weight === undefined ? 1.0 : Number(item.weight);
      return {
        linkId: item.link_id, dimension: item.dimension, weight: weight, weightScaled: scaled(weight),
        groups: Object.keys(item.text), codes: codes, values: values
      };
    });
  }

  function bandFor(bands, value) {
    for (var i = 0; i < bands.length; i++) {
      var band = bands[i];
      if ((band.min <= value && value < band.max) || (value === band.max && band.max === 100)) { return band; }
    }
    return null;
  }

  /* -- response sets ------------------------------------------------------------------------ */
  /** {assessment, version, respondents: [], groups: [], answers: {link_id: [code...]}, order: [link_id...]} */
  function responseSet(assessment, version, respondents, groups, answers, order) {
    return { assessment: assessment, version: version, respondents: respondents, groups: groups, answers: answers, order: order };
  }

  function rowsByGroup(set) {
    var rows = dict(), order = [];
    set.groups.forEach(function (group, row) {
      if (!has(rows, group)) { rows[group] = []; order.push(group); }
      rows[group].push(row);
    });
    return { rows: rows, order: order };
  }

  function concat(sets) {
    var first = sets[0];
    var order = [], seen = dict();
    sets.forEach(function (s) { s.order.forEach(function (l) { if (!has(seen, l)) { seen[l] = 1; order.push(l); } }); });
    var answers = dict();
    order.forEach(function (link) {
      var column = [];
      sets.forEach(function (s) {
        var own = has(s.answers, link) ? s.answers[link] : null;
        for (var r = 0; r < s.respondents.length; r++) { column.push(own ? own[r] : NO_ANSWER); }
      });
      answers[link] = column;
    });
    var respondents = [], groups = [];
    sets.forEach(function (s) { respondents = respondents.concat(s.respondents); groups = groups.concat(s.groups); });
    return responseSet(first.assessment, first.version, respondents, groups, answers, order);
  }

  /** Response objects (as in a JSON file) in columns, like ResponseSet.from_responses. */
  function fromResponses(rows, assessment, version, linkIds) {
    var order = [], seen = dict();
    var add = function (l) { if (!has(seen, l)) { seen[l] = 1; order.push(l); } };
    linkIds.forEach(add);
    rows.forEach(function (r) { Object.keys(r.answers).forEach(add); });
    var answers = dict();
    order.forEach(function (link) {
      answers[link] = rows.map(function (r) { return has(r.answers, link) ? r.answers[link] : NO_ANSWER; });
    });
    return responseSet(assessment, version, rows.map(function (r) { return r.respondent; }),
      rows.map(function (r) { return r.group; }), answers, order);
  }

  /* -- problems ----------------------------------------------------------------------------- */
  function ProblemList() { this.problems = []; this.listed = {}; this.more = {}; this.moreOrder = []; this.files = {}; }
  ProblemList.prototype.add = function (code, message, where, hint) {
    if ((this.listed[code] || 0) >= MAX_PER_CODE) {
      if (!has(this.more, code)) { this.more[code] = 0; this.moreOrder.push(code); }
      this.more[code] += 1;
      return;
    }
    this.listed[code] = (this.listed[code] || 0) + 1;
    if (!has(this.files, code)) { this.files[code] = where.file === undefined ? null : where.file; }
    if (where.name !== undefined && where.name !== null) { message = message + " (column " + pyRepr(where.name) + ")"; }
    this.problems.push(problem(code, message, hint || "", where));
  };
  ProblemList.prototype.extend = function (problems) { this.problems = this.problems.concat(problems); };
  ProblemList.prototype.merge = function (other) {
    var self = this;
    this.problems = this.problems.concat(other.problems);
    other.moreOrder.forEach(function (code) {
      if (!has(self.more, code)) { self.more[code] = 0; self.moreOrder.push(code); }
      self.more[code] += other.more[code];
    });
    Object.keys(other.files).forEach(function (code) { if (!has(self.files, code)) { self.files[code] = other.files[code]; } });
  };
  ProblemList.prototype.any = function () { return this.problems.length > 0; };
  ProblemList.prototype.list = function () {
    var listed = sortBy(this.problems.slice(), function (p) {
      return [p.file || "", p.line || 0, p.column || 0, p.pointer || "", p.code];
    });
    var self = this;
    this.moreOrder.forEach(function (code) {
      listed.push(problem(code, self.more[code] + " more problem(s) of this kind were not listed",
        "Fix the ones listed and read the responses again.", { file: self.files[code] }));
    });
    return listed;
  };

  /** A problem as Problem.to_dict gives it (absent and empty fields left out). */
  function problem(code, message, hint, where) {
    var out = { code: code, severity: "error", message: message };
    if (hint) { out.hint = hint; }
    ["file", "line", "column", "pointer"].forEach(function (key) {
      var value = where[key];
      if (value !== undefined && value !== null && value !== "") { out[key] = value; }
    });
    return out;
  }

  function compareKeys(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] < b[i]) { return -1; }
      if (a[i] > b[i]) { return 1; }
    }
    return 0;
  }

  function sortBy(list, key) {
    var keyed = list.map(function (value, index) { return { k: key(value), v: value, i: index }; });
    keyed.sort(function (a, b) { return compareKeys(a.k, b.k) || a.i - b.i; });
    return keyed.map(function (x) { return x.v; });
  }

  /** Python's repr() of a str. */
  function pyRepr(text) {
    var s = String(text);
    var quote = (s.indexOf("'") >= 0 && s.indexOf('"') < 0) ? '"' : "'";
    var out = quote;
    for (var i = 0; i < s.length; i++) {
      var ch = s[i], c = s.charCodeAt(i);
      if (ch === "\\") { out += "\\\\"; }
      else if (ch === quote) { out += "\\" + quote; }
      else if (ch === "\n") { out += "\\n"; }
      else if (ch === "\r") { out += "\\r"; }
      else if (ch === "\t") { out += "\\t"; }
      else if (c < 0x20 || c === 0x7f) { out += "\\x" + hex2(c); }
      else if (c >= 0x80 && c <= 0xa0 || c === 0xad) { out += "\\x" + hex2(c); }
      else { out += ch; }
    }
    return out + quote;
  }
  function hex2(c) { return (c < 16 ? "0" : "") + c.toString(16); }

  /* -- difflib.get_close_matches(word, possibilities, n=1) ----------------------------------- */
  function matchingSize(a, b) {
    var b2j = {};
    for (var j = 0; j < b.length; j++) { (b2j[b[j]] = b2j[b[j]] || []).push(j); }
    var total = 0, queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var q = queue.pop(), alo = q[0], ahi = q[1], blo = q[2], bhi = q[3];
      var besti = alo, bestj = blo, bestsize = 0, j2len = {};
      for (var i = alo; i < ahi; i++) {
        var next = {}, js = b2j[a[i]] || [];
        for (var n = 0; n < js.length; n++) {
          var jj = js[n];
          if (jj < blo) { continue; }
          if (jj >= bhi) { break; }
          var k = next[jj] = (j2len[jj - 1] || 0) + 1;
          if (k > bestsize) { besti = i - k + 1; bestj = jj - k + 1; bestsize = k; }
        }
        j2len = next;
      }
      if (bestsize) {
        total += bestsize;
        if (alo < besti && blo < bestj) { queue.push([alo, besti, blo, bestj]); }
        if (besti + bestsize < ahi && bestj + bestsize < bhi) { queue.push([besti + bestsize, ahi, bestj + bestsize, bhi]); }
      }
    }
    return total;
  }

  function closeMatch(word, possibilities) {
    var best = null;
    possibilities.forEach(function (x) {
      var length = x.length + word.length;
      var ratio = length ? 2.0 * matchingSize(Array.from(x), Array.from(word)) / length : 1.0;
      if (ratio >= 0.6 && (best === null || ratio > best[0] || (ratio === best[0] && x > best[1]))) { best = [ratio, x]; }
    });
    return best === null ? null : best[1];
  }

  /* -- checks (ouderbetrokkenheid.scoring.checks) -------------------------------------------- */
  function pointerLocator(base, file, index) {
    var at = function (row) { return index ? index[row] : row; };
    return {
      item: function (row, link) {
        if (row === null) { return { file: file, pointer: base || "" }; }
        return { file: file, pointer: base + "/" + at(row) + "/answers/" + link };
      },
      field: function (row, name) {
        if (row === null) { return { file: file, pointer: base || "" }; }
        return { file: file, pointer: base + "/" + at(row) + "/" + name };
      }
    };
  }

  function describe(where) {
    if (where.line !== undefined && where.line !== null) {
      return (where.file === undefined || where.file === null ? "<input>" : where.file) + ":" + where.line;
    }
    var text = ((where.file ? where.file + " " : "") + (where.pointer || "")).trim();
    return text || "<input>";
  }

  function wrongAssessment(assessment, given, where) {
    return ["response-wrong-assessment",
      given ? "these are responses to " + pyRepr(given) + ", not to " + pyRepr(assessment.id) : "no assessment given",
      where, "Score them with the assessment they answer, or give " + pyRepr(assessment.id) + "."];
  }

  function wrongVersion(assessment, given, where) {
    return ["response-wrong-version",
      given ? "these are responses to version " + pyRepr(given) + " of " + assessment.id + "; the loaded version is " + pyRepr(assessment.version)
        : "no version given (the loaded version of " + assessment.id + " is " + pyRepr(assessment.version) + ")",
      where,
      "Answers are bound to one version of an assessment: score them with the pack version they were given for."];
  }

  function unknownGroup(assessment, group, where) {
    return ["response-unknown-group",
      group ? assessment.id + " has no respondent group " + pyRepr(group) : "no respondent group given",
      where, "The groups of " + assessment.id + " are: " + assessment.groups.map(function (g) { return g.id; }).join(", ") + "."];
  }

  function addAll(found, args) { found.add(args[0], args[1], args[2], args[3]); }

  function checkIdentity(assessment, found, row, locator, givenAssessment, givenVersion) {
    if (givenAssessment !== null && givenAssessment !== undefined && givenAssessment !== assessment.id) {
      addAll(found, wrongAssessment(assessment, givenAssessment, locator.field(row, "assessment")));
    }
    if (givenVersion !== null && givenVersion !== undefined && givenVersion !== assessment.version) {
      addAll(found, wrongVersion(assessment, givenVersion, locator.field(row, "version")));
    }
  }

  function tally(column, rows) {
    var counts = dict();
    for (var i = 0; i < rows.length; i++) {
      var code = column[rows[i]];
      counts[code] = (counts[code] || 0) + 1;
    }
    return counts;
  }

  /** Check *set* against *assessment*; return {found, rows, counts} as checks.inspect does. */
  function inspect(assessment, set, locator, checkGroups) {
    locator = locator || pointerLocator("", null, null);
    if (checkGroups === undefined) { checkGroups = true; }
    var found = new ProblemList();
    if (set.assessment !== assessment.id) { addAll(found, wrongAssessment(assessment, set.assessment, locator.field(null, "assessment"))); }
    if (set.version !== assessment.version) { addAll(found, wrongVersion(assessment, set.version, locator.field(null, "version"))); }
    var byGroup = rowsByGroup(set);
    var declared = dict();
    assessment.groups.forEach(function (g) { declared[g.id] = true; });
    byGroup.order.forEach(function (group) {
      if (checkGroups && !has(declared, group)) {
        byGroup.rows[group].forEach(function (row) { addAll(found, unknownGroup(assessment, group, locator.field(row, "group"))); });
      }
    });
    checkRespondents(set.respondents, locator, found);
    var byLink = dict();
    items(assessment).forEach(function (item) { byLink[item.link_id] = item; });
    var counts = dict();
    byGroup.order.forEach(function (g) { counts[g] = {}; });
    set.order.forEach(function (link) {
      var column = set.answers[link];
      var item = has(byLink, link) ? byLink[link] : null;
      if (item === null) {
        column.forEach(function (code, row) {
          if (code !== NO_ANSWER) {
            found.add("response-unknown-item", assessment.id + " has no item " + pyRepr(link), locator.item(row, link), unknownItemHint(assessment, link));
          }
        });
        return;
      }
      checkColumn(assessment, item, column, byGroup, declared, counts, locator, found);
    });
    items(assessment).forEach(function (item) {
      if (has(set.answers, item.link_id) || item.required === false) { return; }
      var asked = byGroup.order.filter(function (g) { return has(item.text, g); });
      if (asked.length) {
        found.add("response-missing-answer",
          "required item " + pyRepr(item.link_id) + " has no answers at all (asked of " + asked.join(", ") + ")",
          locator.item(null, item.link_id), "Add the item's answers (a column named after its link id).");
      }
    });
    return { found: found, rows: byGroup, counts: counts };
  }

  function checkColumn(assessment, item, column, byGroup, declared, counts, locator, found) {
    var scale = scaleOf(assessment, item.scale);
    var allowed = dict();
    scale.options.forEach(function (o) { allowed[o.code] = true; });
    var codes = scale.options.map(function (o) { return o.code; }).join(", ");
    column.forEach(function (code, row) {
      if (code !== NO_ANSWER && !has(allowed, code)) {
        found.add("response-off-scale",
          "answer " + pyRepr(code) + " to item " + pyRepr(item.link_id) + " is not on scale " + pyRepr(scale.id),
          locator.item(row, item.link_id), "Give one of the option codes: " + codes + ".");
      }
    });
    byGroup.order.forEach(function (group) {
      var rows = byGroup.rows[group];
      var counted = tally(column, rows);
      counts[group][item.link_id] = counted;
      if (!has(declared, group)) { return; }
      var empty = counted[NO_ANSWER] || 0;
      var answered = rows.length - empty;
      var asked = has(item.text, group);
      if (!asked && answered) {
        var names = Object.keys(item.text).join(", ") || "no group";
        rows.forEach(function (row) {
          if (column[row] !== NO_ANSWER) {
            found.add("response-unknown-item", "item " + pyRepr(item.link_id) + " is not asked of group " + pyRepr(group),
              locator.item(row, item.link_id),
              "It is asked of: " + names + ". Leave it empty for " + pyRepr(group) + ", or check the row's group.");
          }
        });
      } else if (asked && item.required !== false && empty) {
        var na = scale.options.filter(function (o) { return o.not_applicable; }).map(function (o) { return pyRepr(o.code); });
        var hint = "The item is required: give an answer" + (na.length ? " (" + na.join(" / ") + " if it does not apply)." : ".");
        rows.forEach(function (row) {
          if (column[row] === NO_ANSWER) {
            found.add("response-missing-answer", "required item " + pyRepr(item.link_id) + " has no answer", locator.item(row, item.link_id), hint);
          }
        });
      }
    });
  }

  function checkRespondents(respondents, locator, found) {
    respondents.forEach(function (respondent, row) {
      var length = Array.from(respondent).length;
      if (!respondent || length > MAX_RESPONDENT_ID) {
        found.add("response-syntax",
          !respondent ? "the respondent id is empty" : "the respondent id is longer than " + MAX_RESPONDENT_ID + " characters",
          locator.field(row, "respondent"),
          "Give every response a short respondent id (a code that does not identify the person).");
      }
    });
    var first = dict();
    respondents.forEach(function (respondent, row) {
      if (!respondent) { return; }
      if (!has(first, respondent)) { first[respondent] = row; return; }
      found.add("response-duplicate-respondent",
        "respondent " + pyRepr(respondent) + " occurs twice; first at " + describe(locator.field(first[respondent], "respondent")),
        locator.field(row, "respondent"), "Each respondent answers once: remove the duplicate or give it its own id.");
    });
  }

  function unknownItemHint(assessment, link) {
    var links = items(assessment).map(function (i) { return i.link_id; });
    var close = closeMatch(link, links);
    return (close !== null ? "Did you mean " + pyRepr(close) + "? " : "") + "The items of " + assessment.id + " are: " + links.join(", ") + ".";
  }

  /* -- scoring (ouderbetrokkenheid.scoring.score) -------------------------------------------- */
  /** Score *responses* (a response set from readFiles) against the bundle's assessment. The result is
   * what ``ouderbetrokkenheid score --format json`` prints; throws {problems} when they do not fit. */
  function score(bundle, responses, options) {
    options = options || {};
    var assessment = bundle.assessment;
    if (!assessment.version || !items(assessment).length) { throw new Error(assessment.id + " has no items and no version: it cannot be scored"); }
    var size = options.minGroupSize === undefined || options.minGroupSize === null
      ? (assessment.min_group_size === undefined ? 5 : assessment.min_group_size) : options.minGroupSize;
    if (!(size >= 1 && size <= 1000)) { throw new Error("the minimum group size must be 1 to 1000, not " + size); }
    var checked = inspect(assessment, responses, null, true);
    if (checked.found.any()) { var error = new Error("the responses do not fit the assessment"); error.problems = checked.found.list(); throw error; }
    var allPlans = plans(assessment);
    var bands = sortBy((assessment.bands || []).slice(), function (b) { return [b.min]; });
    var groups = [], itemMeans = {};
    assessment.groups.forEach(function (group) {
      var rows = has(checked.rows.rows, group.id) ? checked.rows.rows[group.id] : [];
      if (rows.length < size) { groups.push({ group: group.id, respondents: rows.length, suppressed: true }); return; }
      var counts = checked.counts[group.id] || {};
      var dimensions = [];
      (assessment.dimensions || []).forEach(function (dimension) {
        var own = allPlans.filter(function (p) { return p.dimension === dimension.id; });
        if (own.some(function (p) { return p.groups.indexOf(group.id) >= 0; })) {
          dimensions.push(dimensionScore(dimension.id, own, group.id, counts, bands));
        }
      });
      itemMeans[group.id] = means(allPlans, group.id, counts);
      var out = { group: group.id, respondents: rows.length, suppressed: false };
      if (dimensions.length) { out.dimensions = dimensions; }
      groups.push(out);
    });
    var result = { assessment: assessment.id, version: assessment.version, min_group_size: size, groups: groups };
    var gaps = gapsOf(assessment, allPlans, groups, itemMeans);
    if (gaps.length) { result.gaps = gaps; }
    var recommendations = recommend(result, bundle, options.limit === undefined ? (bundle.limit || 5) : options.limit);
    if (Object.keys(recommendations).length) { result.recommendations = recommendations; }
    if (!groups.length) { delete result.groups; }
    return result;
  }

  function dimensionScore(dimension, own, group, counts, bands) {
    var distribution = {}, distributionOrder = [];
    var total = B0, values = B0, normalised = B0, answers = 0;
    own.forEach(function (plan) {
      if (plan.groups.indexOf(group) < 0) { return; }
      var counted = counts[plan.linkId] || {};
      plan.codes.forEach(function (code, index) {
        var count = counted[code] || 0;
        if (!has(distribution, code)) { distribution[code] = 0; distributionOrder.push(code); }
        distribution[code] += count;
        var scoredValue = plan.values[index];
        if (!count || scoredValue === null) { return; }
        answers += count;
        var share = plan.weightScaled * BigInt(count);
        total += share;
        values += share * scoredValue[2];
        normalised += share * scoredValue[3];
      });
    });
    var out = { dimension: dimension, answers: answers };
    if (answers) {
      var denominator = total << SHIFT_1074;
      var value = clampScore(divide(normalised, denominator));
      var band = bandFor(bands, value);
      out.mean = divide(values, denominator);
      out.score = value;
      if (band !== null) { out.band = band.id; }
    }
    if (distributionOrder.length) { out.distribution = distribution; }
    return out;
  }

  function means(allPlans, group, counts) {
    var out = {};
    allPlans.forEach(function (plan) {
      if (plan.groups.indexOf(group) < 0) { return; }
      var counted = counts[plan.linkId] || {};
      var answered = 0, total = B0;
      plan.codes.forEach(function (code, index) {
        var count = counted[code] || 0;
        if (count && plan.values[index] !== null) { answered += count; total += BigInt(count) * plan.values[index][3]; }
      });
      if (answered) { out[plan.linkId] = divide(total, BigInt(answered) << SHIFT_1074); }
    });
    return out;
  }

  function gapsOf(assessment, allPlans, groups, itemMeans) {
    var reported = groups.filter(function (g) { return !g.suppressed; });
    var order = {};
    allPlans.forEach(function (p, i) { order[p.linkId] = i; });
    var gaps = [];
    var scoreOf = function (g, d) {
      var found = (g.dimensions || []).filter(function (x) { return x.dimension === d; })[0];
      return found && found.score !== undefined ? found.score : null;
    };
    for (var x = 0; x < reported.length; x++) {
      for (var y = x + 1; y < reported.length; y++) {
        var first = reported[x], second = reported[y];
        (assessment.dimensions || []).forEach(function (dimension) {
          var a = scoreOf(first, dimension.id), b = scoreOf(second, dimension.id);
          if (a === null || b === null) { return; }
          var ma = itemMeans[first.group], mb = itemMeans[second.group];
          var listed = allPlans
            .filter(function (p) { return p.dimension === dimension.id && has(ma, p.linkId) && has(mb, p.linkId); })
            .map(function (p) { return { link_id: p.linkId, difference: clampGap(ma[p.linkId] - mb[p.linkId]) }; });
          listed = sortBy(listed, function (g) { return [-Math.abs(g.difference), order[g.link_id]]; });
          var gap = { dimension: dimension.id, first: first.group, second: second.group, difference: clampGap(a - b) };
          if (listed.length) { gap.items = listed.slice(0, GAP_ITEMS); }
          gaps.push(gap);
        });
      }
    }
    return gaps;
  }

  /* -- recommendations (ouderbetrokkenheid.scoring.recommend) -------------------------------- */
  function weakDimensions(result, assessment) {
    var needsWork = {};
    (assessment.bands || []).forEach(function (b) { if (b.needs_work) { needsWork[b.id] = true; } });
    var weak = {};
    result.groups.forEach(function (g) {
      if (g.suppressed) { return; }
      (g.dimensions || []).forEach(function (d) { if (d.band !== undefined && has(needsWork, d.band)) { weak[d.dimension] = true; } });
    });
    return (assessment.dimensions || []).map(function (d) { return d.id; }).filter(function (d) { return has(weak, d); });
  }

  function mappedConcepts(own, mappings) {
    var ranks = {};
    mappings.forEach(function (mapping) {
      var weight = (has(PREDICATE_RANK, mapping.predicate) ? PREDICATE_RANK[mapping.predicate] : 0.0) * mapping.confidence;
      [[mapping.subject, mapping.object], [mapping.object, mapping.subject]].forEach(function (pair) {
        if (has(own, pair[0]) && !has(own, pair[1]) && weight > (has(ranks, pair[1]) ? ranks[pair[1]] : 0.0)) { ranks[pair[1]] = weight; }
      });
    });
    return ranks;
  }

  function rankResources(concepts, themes, resources, mappings) {
    var own = {};
    concepts.forEach(function (c) { own[c] = true; });
    var mapped = mappedConcepts(own, mappings);
    var shared = {};
    themes.forEach(function (t) { shared[t] = true; });
    var ranked = [];
    resources.forEach(function (resource) {
      var rank;
      if (resource.concepts.some(function (c) { return has(own, c); })) { rank = DIRECT_RANK; }
      else {
        rank = 0.0;
        resource.concepts.forEach(function (c) { var r = has(mapped, c) ? mapped[c] : 0.0; if (r > rank) { rank = r; } });
      }
      var common = {};
      resource.themes.forEach(function (t) { if (has(shared, t)) { common[t] = true; } });
      rank += THEME_RANK * Object.keys(common).length;
      if (rank > 0) { ranked.push([resource.id, rank]); }
    });
    return sortBy(ranked, function (pair) { return [-pair[1], pair[0]]; });
  }

  function recommend(result, bundle, limit) {
    if (limit < 1) { throw new Error("limit must be at least 1, not " + limit); }
    var assessment = bundle.assessment;
    var catalog = bundle.catalog || { resources: [], mappings: [] };
    var out = {};
    weakDimensions(result, assessment).forEach(function (dimensionId) {
      var dimension = assessment.dimensions.filter(function (d) { return d.id === dimensionId; })[0];
      out[dimensionId] = rankResources(dimension.concepts || [], assessment.themes || [], catalog.resources, catalog.mappings)
        .slice(0, limit).map(function (pair) { return pair[0]; });
    });
    return out;
  }

  /* -- reading files -------------------------------------------------------------------------- */
  var PY_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var STRIP = new RegExp("^[" + PY_SPACE + "]+|[" + PY_SPACE + "]+$", "g");
  function strip(text) { return text.replace(STRIP, ""); }

  var CP1252 = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
    "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
  var CP1252_UNDEFINED = { 0x81: 1, 0x8d: 1, 0x8f: 1, 0x90: 1, 0x9d: 1 };

  function syntax(file, message, hint, line, column) {
    return problem("response-syntax", message, hint, { file: file, line: line, column: column });
  }

  function FileProblems(problems) { this.problems = problems; }

  /** The first offset at which *bytes* are not UTF-8, or -1. */
  function invalidUtf8(bytes) {
    var i = 0, n = bytes.length;
    while (i < n) {
      var b = bytes[i];
      if (b < 0x80) { i += 1; continue; }
      var need, min;
      if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
      else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
      else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
      else { return i; }
      var cp = b & (0x3f >> need);
      for (var k = 1; k <= need; k++) {
        if (i + k >= n || (bytes[i + k] & 0xc0) !== 0x80) { return i; }
        cp = (cp << 6) | (bytes[i + k] & 0x3f);
        if (k === 1) {
          /* reject overlong, surrogate and too-high forms at the second byte, as Python does */
          var second = bytes[i + 1];
          if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) { return i; }
        }
      }
      if (cp < min) { return i; }
      i += need + 1;
    }
    return -1;
  }

  function decodeUtf8(bytes) {
    if (typeof TextDecoder !== "undefined") { return new TextDecoder("utf-8").decode(bytes); }
    return Buffer.from(bytes).toString("utf8"); // node without TextDecoder (never in practice)
  }

  /** The text of a CSV file as responses/table.read_text gives it: UTF-8 (a BOM dropped), else
   * Windows-1252 (as Excel saves "CSV" in Belgium); a problem when it is neither. */
  function readText(file) {
    if (typeof file.text === "string") { return file.text.replace(/^\ufeff/, ""); }
    var bytes = file.bytes;
    if (bytes.length > MAX_FILE_BYTES) {
      throw new FileProblems([problem("file-too-large", "the file is over the limit of " + Math.floor(MAX_FILE_BYTES / 1048576) + " MiB",
        "Split the responses over several files.", { file: file.name })]);
    }
    var bad = invalidUtf8(bytes);
    if (bad < 0) { return decodeUtf8(bytes).replace(/^\ufeff/, ""); }
    var out = [];
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i];
      if (b >= 0x80 && b <= 0x9f && has(CP1252_UNDEFINED, b)) {
        var good = decodeUtf8(bytes.subarray(0, bad));
        var line = good.split("\n").length;
        var column = Array.from(good.slice(good.lastIndexOf("\n") + 1)).length + 1;
        throw new FileProblems([syntax(file.name, "byte 0x" + hex2(bytes[bad]) + " is not valid UTF-8",
          "Save the file as UTF-8 (in a spreadsheet: 'CSV UTF-8'; in KoboToolbox the exports are UTF-8).", line, column)]);
      }
      out.push(b < 0x80 || b > 0x9f ? String.fromCharCode(b) : CP1252[b - 0x80]);
    }
    return out.join("");
  }

  function sniffDelimiter(text) {
    var firstLine = text.split("\n", 1)[0];
    var counts = { ",": 0, ";": 0, "\t": 0 }, quoted = false;
    for (var i = 0; i < firstLine.length; i++) {
      var ch = firstLine[i];
      if (ch === '"') { quoted = !quoted; }
      else if (!quoted && has(counts, ch)) { counts[ch] += 1; }
    }
    var best = ",";
    [",", ";", "\t"].forEach(function (d) { if (counts[d] > counts[best]) { best = d; } });
    return counts[best] ? best : ",";
  }

  /** Python's csv.reader (excel dialect, strict) over *text*: records, each with the physical line
   * count reached; throws {line, message} as csv.Error with reader.line_num. */
  function csvRecords(text, delimiter) {
    var records = [], row = [], field = "", state = "start", line = 0, i = 0, n = text.length;
    var atLineStart = true;
    function endField() { row.push(field); field = ""; }
    function endRow() { records.push(row); row = []; state = "start"; }
    while (i < n) {
      var ch = text[i];
      if (atLineStart) { line += 1; atLineStart = false; }
      var newline = ch === "\n" || ch === "\r";
      var step = 1;
      if (ch === "\r" && text[i + 1] === "\n") { step = 2; }
      if (newline) { atLineStart = true; }
      if (state === "start") {
        if (newline) { if (row.length || field) { endField(); } endRow(); }
        else if (ch === '"') { state = "quoted"; }
        else if (ch === delimiter) { endField(); state = "start"; }
        else { field += ch; state = "field"; }
      } else if (state === "field") {
        if (newline) { endField(); endRow(); }
        else if (ch === delimiter) { endField(); state = "start"; }
        else { field += ch; }
      } else if (state === "quoted") {
        if (ch === '"') { state = "quote"; }
        else { field += text.slice(i, i + step); }
      } else if (state === "quote") {
        if (ch === '"') { field += '"'; state = "quoted"; }
        else if (ch === delimiter) { endField(); state = "start"; }
        else if (newline) { endField(); endRow(); }
        else { throw { line: line, message: pyRepr(delimiter) + " expected after '\"'" }; }
      }
      i += step;
    }
    if (state === "quoted") { throw { line: line, message: "unexpected end of data" }; }
    if (state !== "start" || row.length || field) { endField(); records.push(row); }
    return records;
  }

  function parseTable(text, file) {
    if (!strip(text)) { throw new FileProblems([syntax(file, "the file is empty", "A responses file starts with a header row.", 1)]); }
    var records;
    try { records = csvRecords(text, sniffDelimiter(text)); }
    catch (error) {
      if (error instanceof Error) { throw error; }
      throw new FileProblems([syntax(file, "malformed CSV: " + error.message,
        "Check the quotes around this row's cells (a cell with a quote inside must double it).", error.line || 1)]);
    }
    var header = (records[0] || []).map(strip), rows = [], lines = [];
    for (var r = 1; r < records.length; r++) {
      var record = records[r];
      if (record.length && record.some(function (c) { return c !== ""; })) { rows.push(record); lines.push(r + 1); }
    }
    return { file: file, header: header, rows: rows, lines: lines };
  }

  /* layouts (ouderbetrokkenheid.responses.layouts) */
  var CSV_FIELDS = ["respondent", "group", "version", "assessment", "submitted", "language"];
  var HIDDEN_FIELDS = { ob_instrument: "assessment", ob_version: "version", ob_group: "group" };
  var RESPONDENT_COLUMNS = ["_uuid", "instanceID", "KEY", "_id"];
  var SUBMITTED_COLUMNS = ["_submission_time", "SubmissionDate", "end"];
  var TOOL_COLUMNS = {};
  ["start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email", "audit",
    "instanceID", "instanceName", "deprecatedID", "rootUuid", "uuid", "SubmissionDate", "KEY", "SubmitterID",
    "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits",
    "FormVersion"].forEach(function (c) { TOOL_COLUMNS[c] = true; });
  var KOBO_MARKERS = {};
  ["_uuid", "_id", "_submission_time", "__version__", "meta/instanceID", "meta-instanceID", "KEY", "SubmissionDate",
    "ob_instrument", "ob_version", "ob_group"].forEach(function (c) { KOBO_MARKERS[c] = true; });

  function looksLikeKobo(header) {
    return header.some(function (name) { return has(KOBO_MARKERS, name) || name.indexOf("formhub") === 0; });
  }

  function linkIds(assessment) { return items(assessment).map(function (i) { return i.link_id; }); }

  function unknownColumn(found, file, assessment, index, name, link, kobo) {
    var links = linkIds(assessment);
    var close = closeMatch(link, links);
    var hint = close !== null ? "Did you mean " + pyRepr(close) + "? " : "";
    if (kobo) {
      hint += "Export with 'XML values and headers'; item columns are named by link id (" + links.join(", ") + "), the hidden fields ob_instrument, ob_version, ob_group.";
    } else {
      hint += "The columns are respondent, group, version, assessment, submitted, language and the link ids: " + links.join(", ") + ".";
    }
    found.add("response-unknown-item", assessment.id + " has no item " + pyRepr(link), { file: file, line: 1, column: index + 1, name: name }, hint);
  }

  function duplicateColumn(found, file, index, name, first) {
    found.add("response-syntax", "column " + pyRepr(name) + " occurs twice (first as column " + (first + 1) + ")",
      { file: file, line: 1, column: index + 1, name: name }, "Give every column one header; delete the duplicate.");
  }

  function csvLayout(header, assessment, file, found) {
    var links = {};
    linkIds(assessment).forEach(function (l) { links[l] = true; });
    var fields = {}, itemColumns = {}, itemOrder = [];
    header.forEach(function (name, index) {
      if (!name) { return; }
      var lower = name.toLowerCase();
      var field = CSV_FIELDS.indexOf(lower) >= 0 ? lower : null;
      var target = field ? fields : itemColumns, key = field || name;
      if (has(target, key)) { duplicateColumn(found, file, index, name, target[key]); }
      else if (field || has(links, name)) { target[key] = index; if (!field) { itemOrder.push(key); } }
      else { unknownColumn(found, file, assessment, index, name, name, false); }
    });
    return { fields: fields, items: itemColumns, itemOrder: itemOrder, naiveIsUtc: false };
  }

  function koboLayout(header, assessment, file, found) {
    var links = {};
    linkIds(assessment).forEach(function (l) { links[l] = true; });
    var fields = {}, itemColumns = {}, itemOrder = [], tool = {};
    header.forEach(function (name, index) {
      if (!name) { return; }
      var parts = name.split(/[\/-]/), last = parts[parts.length - 1];
      if (has(HIDDEN_FIELDS, last)) {
        var field = HIDDEN_FIELDS[last];
        if (has(fields, field)) { duplicateColumn(found, file, index, name, fields[field]); } else { fields[field] = index; }
      } else if (last.charAt(0) === "_" || has(TOOL_COLUMNS, last)) {
        if (!has(tool, last)) { tool[last] = index; }
      } else if (has(itemColumns, last)) { duplicateColumn(found, file, index, name, itemColumns[last]); }
      else if (has(links, last)) { itemColumns[last] = index; itemOrder.push(last); }
      else { unknownColumn(found, file, assessment, index, name, last, true); }
    });
    var respondent = RESPONDENT_COLUMNS.filter(function (c) { return has(tool, c); })[0];
    if (respondent !== undefined) { fields.respondent = tool[respondent]; }
    var submitted = SUBMITTED_COLUMNS.filter(function (c) { return has(tool, c); })[0];
    if (submitted !== undefined) { fields.submitted = tool[submitted]; }
    return { fields: fields, items: itemColumns, itemOrder: itemOrder, naiveIsUtc: true };
  }

  function tableLocator(table, layout) {
    var where = function (row, index) {
      var line = row === null ? 1 : table.lines[row];
      if (index === undefined) { return { file: table.file, line: line }; }
      return { file: table.file, line: line, column: index + 1, name: table.header[index] };
    };
    return {
      item: function (row, link) { return where(row, has(layout.items, link) ? layout.items[link] : undefined); },
      field: function (row, name) { return where(row, has(layout.fields, name) ? layout.fields[name] : undefined); }
    };
  }

  var LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/;
  /* what datetime.fromisoformat (Python 3.11) accepts, after the first space became a T */
  var ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d{1,6})?)?)?)?)?$/;

  function isoMoment(value) {
    var m = ISO.exec(value);
    if (!m) { return null; }
    var year = +m[1], month = +m[2], day = +m[3];
    if (year < 1 || month < 1 || month > 12 || day < 1) { return null; }
    var days = new Date(Date.UTC(2000, month, 0)).getUTCDate();
    if (month === 2) { days = (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28; }
    if (day > days) { return null; }
    if (m[4] !== undefined && (+m[4] > 23 || +(m[5] || 0) > 59 || +(m[6] || 0) > 59)) { return null; }
    return { aware: m[8] !== undefined };
  }

  function build(table, layout, assessment, found, group) {
    var locator = tableLocator(table, layout);
    var width = table.header.length;
    var used = {};
    Object.keys(layout.fields).forEach(function (k) { used[layout.fields[k]] = true; });
    Object.keys(layout.items).forEach(function (k) { used[layout.items[k]] = true; });
    table.rows.forEach(function (row, index) {
      if (row.length < width) { while (row.length < width) { row.push(""); } }
      else if (row.length > width) {
        if (row.slice(width).some(function (c) { return strip(c) !== ""; })) {
          found.add("response-syntax", "the row has " + row.length + " cells, the header " + width,
            { file: table.file, line: table.lines[index], column: width + 1 },
            "Every row has one cell per header column; check for a stray delimiter.");
        }
        row.length = width;
      }
    });
    var columnAt = function (index) { return table.rows.map(function (row) { return row[index]; }); };
    table.header.forEach(function (name, index) {
      if (!name && !has(used, index)) {
        var cells = columnAt(index);
        for (var r = 0; r < cells.length; r++) {
          if (strip(cells[r])) {
            found.add("response-syntax", "column " + (index + 1) + " has no name but holds values",
              { file: table.file, line: table.lines[r], column: index + 1 }, "Give the column a header (a link id), or delete it.");
            break;
          }
        }
      }
    });
    var column = function (field) {
      return has(layout.fields, field) ? columnAt(layout.fields[field]).map(strip) : null;
    };
    var respondents = column("respondent");
    if (respondents === null) {
      found.add("response-syntax", "there is no respondent column", { file: table.file, line: 1 },
        "Add a column with an id per respondent (a code, not a name).");
      respondents = table.lines.map(function (line) { return "row " + line; });
    }
    var groups = groupsOf(column("group"), table.rows.length, locator, found, group);
    ["assessment", "version"].forEach(function (field) {
      var values = column(field);
      if (values === null) { return; }
      var expected = field === "assessment" ? assessment.id : assessment.version;
      if (values.every(function (v) { return v === expected; })) { return; }
      values.forEach(function (value, row) {
        if (value !== expected) {
          checkIdentity(assessment, found, row, locator, field === "assessment" ? value : null, field === "version" ? value : null);
        }
      });
    });
    var answers = {};
    layout.itemOrder.forEach(function (link) { answers[link] = codesOf(columnAt(layout.items[link]).map(strip), assessment, link); });
    var submitted = column("submitted");
    if (submitted !== null && submitted.some(Boolean)) {
      submitted.forEach(function (value, row) {
        if (!value) { return; }
        var moment = isoMoment(value.replace(" ", "T"));
        if (moment === null || (!moment.aware && !layout.naiveIsUtc)) {
          found.add("response-syntax", pyRepr(value) + " is not a date and time with a time zone", locator.field(row, "submitted"),
            "Write it as 2026-03-01T10:15:00+01:00 (or ...Z for UTC).");
        }
      });
    }
    var languages = column("language");
    if (languages !== null && languages.some(Boolean)) {
      languages.forEach(function (value, row) {
        if (value && !LANGUAGE_TAG.test(value)) {
          found.add("response-syntax", pyRepr(value) + " is not a language tag", locator.field(row, "language"), "Use a BCP 47 tag: nl, fr, en, ar, nl-BE ...");
        }
      });
    }
    var set = responseSet(assessment.id, assessment.version || "", respondents, groups, answers, layout.itemOrder.slice());
    var givenGroups = (group !== null && group !== undefined) || has(layout.fields, "group");
    found.merge(inspect(assessment, set, locator, givenGroups).found);
    return { set: set, locator: locator };
  }

  function codesOf(values, assessment, link) {
    var item = items(assessment).filter(function (i) { return i.link_id === link; })[0];
    if (!item) { return values; }
    var codes = {};
    scaleOf(assessment, item.scale).options.forEach(function (o) { codes[o.code] = true; });
    return values.map(function (v) { return has(codes, v) || !has(codes, v.toLowerCase()) ? v : v.toLowerCase(); });
  }

  function groupsOf(values, size, locator, found, given) {
    var none = given === null || given === undefined;
    if (values === null) {
      if (none) {
        found.add("response-unknown-group", "the file has no group column and no group was given", locator.field(null, "group"),
          "Add a 'group' column, or give the group of every row (--group).");
        return new Array(size).fill("");
      }
      return new Array(size).fill(given);
    }
    if (none) { return values; }
    return values.map(function (value, row) {
      if (value && value !== given) {
        found.add("response-unknown-group", "the row's group is " + pyRepr(value) + " but the group " + pyRepr(given) + " was given",
          locator.field(row, "group"), "Leave out the group argument to take each row's own group, or fix the row.");
      }
      return value || given;
    });
  }

  /* JSON files (ouderbetrokkenheid.responses.jsonfile) */
  var RECORD_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*\/[a-z0-9]+([._-][a-z0-9]+)*$/;
  var VERSION = /^[0-9A-Za-z]([0-9A-Za-z.+-]*[0-9A-Za-z])?$/;
  var LOCAL_ID = /^[a-z][a-z0-9_]*$/;
  var CODE = /^[a-z0-9_]+$/;
  var DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
  var RESPONSE_FIELDS = ["answers", "assessment", "group", "language", "respondent", "submitted", "version"];
  var CHECKED_FIELDS = { assessment: 1, version: 1, group: 1, answers: 1 };

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function codePoints(s) { return Array.from(s).length; }

  /** What the response schema finds wrong with *entry*: [[field, pointer-suffix, message, hint]]. */
  function schemaErrors(entry) {
    var errors = [];
    var text = function (field, test, shape) {
      if (!has(entry, field)) { return; }
      var v = entry[field];
      if (typeof v !== "string") { errors.push([field, "/" + field, JSON.stringify(v) + " is not of type 'string'", "Give a value of the type the schema asks for."]); }
      else if (shape && !shape.test(v)) { errors.push([field, "/" + field, pyRepr(v) + " does not have the required form", test]); }
    };
    ["assessment", "version", "group", "respondent", "answers"].forEach(function (key) {
      if (!has(entry, key)) { errors.push([null, "", pyRepr(key) + " is a required property", "Add the missing field."]); }
    });
    Object.keys(entry).forEach(function (key) {
      if (RESPONSE_FIELDS.indexOf(key) < 0) {
        var close = closeMatch(key, RESPONSE_FIELDS);
        errors.push([null, "/" + key, "unknown field " + pyRepr(key),
          (close !== null ? "Did you mean " + pyRepr(close) + "? " : "") + "Allowed fields here: " + RESPONSE_FIELDS.join(", ") + "."]);
      }
    });
    text("assessment", "pack/local-id: lower case letters, digits and single . _ - between them.", RECORD_ID);
    text("version", "A version: letters, digits, dots.", VERSION);
    text("group", "An id inside one record (an item's link id, a scale, a group): a valid XLSForm name.", LOCAL_ID);
    if (has(entry, "respondent")) {
      var r = entry.respondent;
      if (typeof r !== "string") { errors.push(["respondent", "/respondent", JSON.stringify(r) + " is not of type 'string'", "Give a value of the type the schema asks for."]); }
      else if (!r.length || codePoints(r) > 100) { errors.push(["respondent", "/respondent", pyRepr(r) + (r.length ? " is too long" : " should be non-empty"), "Give a shorter or longer value as the schema asks."]); }
    }
    if (has(entry, "answers")) {
      var a = entry.answers;
      if (!isObject(a)) { errors.push(["answers", "/answers", JSON.stringify(a) + " is not of type 'object'", "Give a value of the type the schema asks for."]); }
      else {
        Object.keys(a).forEach(function (key) {
          var v = a[key];
          if (!LOCAL_ID.test(key)) { errors.push(["answers", "/answers", pyRepr(key) + " does not have the required form", "An id inside one record (an item's link id, a scale, a group): a valid XLSForm name."]); }
          if (typeof v !== "string") { errors.push(["answers", "/answers/" + key, JSON.stringify(v) + " is not of type 'string'", "Give a value of the type the schema asks for."]); }
          else if (!CODE.test(v) || codePoints(v) > 32) { errors.push(["answers", "/answers/" + key, pyRepr(v) + " does not match '^[a-z0-9_]+$'", "Give the option code of the answer."]); }
        });
      }
    }
    if (has(entry, "submitted") && (typeof entry.submitted !== "string" || !DATE_TIME.test(entry.submitted))) {
      errors.push(["submitted", "/submitted", pyRepr(String(entry.submitted)) + " is not a 'date-time'", "Write date-times as 2026-03-01T10:15:00Z or with an offset (+01:00)."]);
    }
    text("language", "A BCP 47 tag of the form ll[-Scrp][-RR]: nl, fr, en, ar, ary, tr, zh-Hant, nl-BE.", LANGUAGE_TAG);
    return errors;
  }

  /** The offset of the value at *parts* in JSON *text* (or of its nearest ancestor), as loading.positions does. */
  function locateJson(text, parts) {
    var i = skipWs(text, 0);
    for (var p = 0; p < parts.length; p++) {
      var part = parts[p];
      if (text[i] === "{") {
        i = skipWs(text, i + 1);
        var found = false;
        while (text[i] !== "}") {
          var key = scanValue(text, i);
          i = skipWs(text, key.end);
          i = skipWs(text, i + 1);
          if (key.value === part) { found = true; break; }
          i = skipWs(text, scanValue(text, i).end);
          if (text[i] === ",") { i = skipWs(text, i + 1); }
          if (i >= text.length) { throw new Error("end"); }
        }
        if (!found) { return i; }
      } else if (text[i] === "[") {
        var index = parseInt(part, 10);
        i = skipWs(text, i + 1);
        for (var k = 0; k < index; k++) {
          i = skipWs(text, scanValue(text, i).end);
          if (text[i] !== ",") { return i; }
          i = skipWs(text, i + 1);
        }
      } else { return i; }
    }
    return i;
  }
  function skipWs(text, i) { while (i < text.length && " \t\r\n".indexOf(text[i]) >= 0) { i++; } return i; }
  function scanValue(text, i) {
    var ch = text[i];
    if (ch === '"') {
      var j = i + 1;
      while (j < text.length && text[j] !== '"') { j += text[j] === "\\" ? 2 : 1; }
      return { value: JSON.parse(text.slice(i, j + 1)), end: j + 1 };
    }
    if (ch === "{" || ch === "[") {
      var depth = 0, inString = false;
      for (var k = i; k < text.length; k++) {
        var c = text[k];
        if (inString) { if (c === "\\") { k++; } else if (c === '"') { inString = false; } }
        else if (c === '"') { inString = true; }
        else if (c === "{" || c === "[") { depth++; }
        else if (c === "}" || c === "]") { depth--; if (!depth) { return { value: null, end: k + 1 }; } }
      }
      throw new Error("end");
    }
    var m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) { throw new Error("value"); }
    return { value: null, end: i + m[0].length };
  }

  function lineColumn(text, offset) {
    var before = text.slice(0, offset);
    var line = before.split("\n").length;
    return [line, codePoints(before.slice(before.lastIndexOf("\n") + 1)) + 1];
  }

  function withLines(text, problems) {
    var out = problems.map(function (p) {
      if (p.pointer === undefined || p.line !== undefined) { return p; }
      try {
        var parts = p.pointer ? p.pointer.replace(/^\/+/, "").split("/").map(function (s) { return s.replace(/~1/g, "/").replace(/~0/g, "~"); }) : [];
        var at = lineColumn(text, locateJson(text, parts));
        var copy = {};
        Object.keys(p).forEach(function (k) { copy[k] = p[k]; });
        copy.line = at[0]; copy.column = at[1];
        return copy;
      } catch (error) { return p; }
    });
    return sortBy(out, function (p) { return [p.line === undefined ? 1 : 0, p.line || 0, p.column || 0]; });
  }

  function readJson(file, text, assessment, group) {
    var data;
    try { data = JSON.parse(text); }
    catch (error) {
      var match = /position (\d+)/.exec(String(error.message));
      var at = match ? lineColumn(text, +match[1]) : [1, 1];
      throw new FileProblems([syntax(file, "malformed JSON: " + String(error.message).replace(/^[^:]*JSON[^:]*: ?/, ""),
        "Fix the JSON at this position (a missing comma, quote or bracket is the usual cause).", at[0], at[1])]);
    }
    var base = "";
    if (isObject(data) && Array.isArray(data.responses) && Object.keys(data).length === 1) { data = data.responses; base = "/responses"; }
    if (!Array.isArray(data)) {
      throw new FileProblems(withLines(text, [problem("response-syntax", 'a responses file holds a list of responses, or {"responses": [...]}',
        "See response.schema.json for one response.", { file: file, pointer: "" })]));
    }
    var found = new ProblemList(), responses = [], index = [];
    data.forEach(function (entry, position) {
      var at = base + "/" + position;
      if (!isObject(entry)) {
        found.add("response-syntax", "a response is an object", { file: file, pointer: at }, "See response.schema.json.");
        return;
      }
      var errors = schemaErrors(entry);
      if (errors.length) {
        var readable = ["assessment", "version", "group", "respondent"].every(function (k) { return typeof entry[k] === "string"; }) &&
          isObject(entry.answers) && Object.keys(entry.answers).every(function (k) { return typeof entry.answers[k] === "string"; });
        errors.forEach(function (e) {
          if (readable && e[0] !== null && has(CHECKED_FIELDS, e[0])) { return; }
          found.add("response-syntax", e[2], { file: file, pointer: at + e[1] }, e[3]);
        });
        if (!readable) { return; }
      }
      responses.push(entry);
      index.push(position);
    });
    var locator = pointerLocator(base, file, index);
    responses.forEach(function (response, row) {
      checkIdentity(assessment, found, row, locator, response.assessment, response.version);
      if (group !== null && group !== undefined && response.group !== group) {
        found.add("response-unknown-group", "the response's group is " + pyRepr(response.group) + " but the group " + pyRepr(group) + " was given",
          locator.field(row, "group"), "Leave out the group argument to take each response's own group, or fix the response.");
      }
    });
    var set = fromResponses(responses, assessment.id, assessment.version || "", linkIds(assessment));
    found.merge(inspect(assessment, set, locator, true).found);
    if (found.any()) { throw new FileProblems(withLines(text, found.list())); }
    return { set: set, locator: locator };
  }

  function detectFormat(name, text) {
    var lower = name.toLowerCase();
    if (/\.jsonl?$/.test(lower)) { return "json"; }
    var start = text.replace(new RegExp("^[" + PY_SPACE + "]+"), "").charAt(0);
    if (start === "[" || start === "{") { return "json"; }
    if (!strip(text)) { return "csv"; }
    return looksLikeKobo(parseTable(text.split("\n", 1)[0] + "\n", name).header) ? "kobo" : "csv";
  }

  function readOne(file, assessment, options) {
    var format = options.format || null;
    var text = readText(file);
    var chosen = format || detectFormat(file.name, text);
    if (chosen === "json") { return readJson(file.name, text, assessment, options.group); }
    var table = parseTable(text, file.name);
    var found = new ProblemList();
    var layout = (chosen === "kobo" || chosen === "odk" ? koboLayout : csvLayout)(table.header, assessment, table.file, found);
    var built = build(table, layout, assessment, found, options.group);
    if (found.any()) { throw new FileProblems(found.list()); }
    return built;
  }

  /** Read response *files* ([{name, bytes: Uint8Array} or {name, text}]) for the bundle's assessment.
   * Returns {responses, problems, files}: responses (a response set, or null) holds the files that
   * read without a problem, when they are consistent with each other; problems lists every problem of
   * every file as the command line reports it; files says per file how many respondents it gave. */
  function readFiles(files, bundle, options) {
    options = options || {};
    var assessment = bundle.assessment;
    var sets = [], locators = [], problems = [], report = [];
    files.forEach(function (file) {
      try {
        var read = readOne(file, assessment, options);
        sets.push(read.set);
        locators.push(read.locator);
        report.push({ name: file.name, respondents: read.set.respondents.length, problems: 0 });
      } catch (error) {
        if (!(error instanceof FileProblems)) { throw error; }
        problems = problems.concat(error.problems);
        report.push({ name: file.name, respondents: 0, problems: error.problems.length });
      }
    });
    var responses = null;
    if (sets.length) {
      var across = checkAcross(sets, locators);
      if (across.length) { problems = problems.concat(across); }
      else { responses = concat(sets); }
    }
    return { responses: responses, problems: problems, files: report };
  }

  function checkAcross(sets, locators) {
    var seen = dict(), found = new ProblemList();
    sets.forEach(function (set, index) {
      set.respondents.forEach(function (respondent, row) {
        if (!has(seen, respondent)) { seen[respondent] = [index, row]; return; }
        var first = seen[respondent];
        if (first[0] !== index) {
          found.add("response-duplicate-respondent",
            "respondent " + pyRepr(respondent) + " is in another file too: first at " + describe(locators[first[0]].field(first[1], "respondent")),
            locators[index].field(row, "respondent"), "Each respondent answers once: remove one of the two, or give it its own id.");
        }
      });
    });
    return found.list();
  }

  return {
    score: score,
    readFiles: readFiles,
    inspect: function (bundle, responses) { return inspect(bundle.assessment, responses, null, true).found.list(); },
    pyRepr: pyRepr,
    closeMatch: closeMatch,
    divide: function (n, d) { return divide(BigInt(n), BigInt(d)); },
    GAP_ITEMS: GAP_ITEMS
  };
}));
