/* ouderbetrokkenheid site: the catalog page's search and facets. Vanilla JavaScript, no framework,
 * no network: the search index is a script (assets/search-index.<lang>.js) that sets OB_SEARCH[lang].
 * Content is only ever inserted as text (textContent), never as HTML. */
(function () {
  "use strict";

  var root = document.documentElement;

  /* -- text: a port of ouderbetrokkenheid.catalog.text (fold, Dutch stems) -------------------- */
  var IRREGULAR = {
    kinderen: "kind", kinders: "kind", scholen: "school", steden: "stad", dagen: "dag", wegen: "weg",
    leraren: "leraar", leerkrachten: "leerkracht", gegevens: "gegeven", ouderen: "ouder"
  };
  var DIMINUTIVES = ["etjes", "tjes", "jes", "etje", "tje", "je"];
  var PLURALS = ["ingen", "en", "'s", "s", "x"];
  var NOT_PLURAL_S = ["is", "us", "ss", "ijs", "ys"];
  var VOWELS = "aeiou";
  var MARKS = /\p{M}/gu;
  var ASCII = /^[\x00-\x7f]*$/;
  var TOKEN = /[0-9a-z]+/g;

  function fold(text) {
    var lower = String(text).toLowerCase().replace(/\u00df/g, "ss");
    if (ASCII.test(lower)) { return lower; }
    return lower.normalize("NFKD").replace(MARKS, "");
  }

  function isVowel(ch) { return VOWELS.indexOf(ch) >= 0; }

  function undoSpelling(base) {
    var n = base.length;
    if (n > 3 && base[n - 1] === base[n - 2] && !isVowel(base[n - 1])) { return base.slice(0, -1); }
    if (n >= 3 && !isVowel(base[n - 1]) && "aou".indexOf(base[n - 2]) >= 0 && !isVowel(base[n - 3])) {
      return base.slice(0, -1) + base[n - 2] + base[n - 1];
    }
    return base;
  }

  function stem(token) {
    if (Object.prototype.hasOwnProperty.call(IRREGULAR, token)) { return IRREGULAR[token]; }
    if (token.endsWith("heden") && token.length > 7) { return token.slice(0, -5) + "heid"; }
    var word = token, i, suffix, cut = false;
    for (i = 0; i < DIMINUTIVES.length; i++) {
      suffix = DIMINUTIVES[i];
      if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
        word = word.slice(0, -suffix.length);
        cut = true;
        break;
      }
    }
    if (!cut) {
      for (i = 0; i < PLURALS.length; i++) {
        suffix = PLURALS[i];
        if (suffix === "s" && NOT_PLURAL_S.some(function (end) { return word.endsWith(end); })) { continue; }
        if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
          word = word.slice(0, -suffix.length);
          if (suffix === "ingen") { word += "ing"; } else if (suffix === "en") { word = undoSpelling(word); }
          break;
        }
      }
    }
    if (word.endsWith("e") && word.length > 4 && !(word.endsWith("ee") || word.endsWith("ie") || word.endsWith("ije"))) {
      word = word.slice(0, -1);
    }
    return word;
  }

  function tokens(text) { return fold(text).match(TOKEN) || []; }
  function terms(text) { return tokens(text).map(stem); }
  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

  /* -- search: the ranking of Catalog.search over the shipped index --------------------------- */
  var PREFIX_FACTOR = 0.6;
  var MIN_PREFIX = 3;

  function lowerBound(list, value) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (list[mid] < value) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  function expand(index, term) {
    var vocab = index.vocab, found = [], start = lowerBound(vocab, term), j;
    if (vocab[start] === term) { found.push([start, 1.0]); }
    if (term.length >= MIN_PREFIX) {
      for (j = start; j < vocab.length && vocab[j].startsWith(term); j++) {
        if (vocab[j] !== term) { found.push([j, PREFIX_FACTOR]); }
      }
    }
    return found;
  }

  /* Ranked document numbers for the query terms; `allowed` (or null) masks documents out. */
  function rank(index, queryTerms, allowed) {
    var n = index.docs.length;
    var scores = new Float64Array(n), matched = new Int32Array(n), best = new Float64Array(n);
    var hit = [], seen = new Uint8Array(n);
    queryTerms.forEach(function (term) {
      var touched = [];
      expand(index, term).forEach(function (pair) {
        var post = index.post[pair[0]], factor = pair[1], k, d, v;
        for (k = 0; k < post.length; k += 2) {
          d = post[k];
          v = post[k + 1] * factor;
          if (v > best[d]) {
            if (best[d] === 0) { touched.push(d); }
            best[d] = v;
          }
        }
      });
      touched.forEach(function (d) {
        var v = allowed && !allowed[d] ? 0 : best[d];
        best[d] = 0;
        if (v > 0) {
          scores[d] += v;
          matched[d] += 1;
          if (!seen[d]) { seen[d] = 1; hit.push(d); }
        }
      });
    });
    hit.sort(function (a, b) {
      if (matched[a] !== matched[b]) { return matched[b] - matched[a]; }
      if (scores[a] !== scores[b]) { return scores[b] - scores[a]; }
      var ia = index.docs[a].id, ib = index.docs[b].id;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
    return hit;
  }

  /* Documents passing every facet with a selection (any of its values): a mask, or null. */
  function allowedBy(index, selected) {
    var active = selected.map(function (set, f) { return set.size ? f : -1; }).filter(function (f) { return f >= 0; });
    if (!active.length) { return null; }
    var mask = new Uint8Array(index.docs.length);
    index.docs.forEach(function (doc, d) {
      mask[d] = active.every(function (f) { return doc.f[f].some(function (v) { return selected[f].has(v); }); }) ? 1 : 0;
    });
    return mask;
  }

  /* Facet counts: for each facet, over the documents that match the query and every *other* facet. */
  function facetCounts(index, selected, pool) {
    var counts = index.facets.map(function (facet) { return new Int32Array(facet.values.length); });
    pool.forEach(function (d) {
      var doc = index.docs[d], failed = -1, failures = 0;
      for (var f = 0; f < selected.length && failures < 2; f++) {
        if (!selected[f].size) { continue; }
        if (!doc.f[f].some(function (v) { return selected[f].has(v); })) { failures += 1; failed = f; }
      }
      if (failures > 1) { return; }
      doc.f.forEach(function (values, f) {
        if (failures === 0 || f === failed) { values.forEach(function (v) { counts[f][v] += 1; }); }
      });
    });
    return counts;
  }

  function search(index, query, selected) {
    var allowed = allowedBy(index, selected);
    var queryTerms = unique(terms(query));
    if (!queryTerms.length) {
      return index.browse.filter(function (d) { return !allowed || allowed[d]; });
    }
    return rank(index, queryTerms, allowed);
  }

  /* -- the catalog page ------------------------------------------------------------------------ */
  function format(template, n) { return template.replace("{n}", String(n)); }

  function catalog(index) {
    var input = document.getElementById("ob-q");
    var list = document.getElementById("ob-results");
    var status = document.getElementById("ob-status");
    var more = document.getElementById("ob-more");
    var clear = document.getElementById("ob-clear");
    var boxes = Array.prototype.slice.call(document.querySelectorAll("#ob-filters input[type=checkbox]"));
    var facetNames = index.facets.map(function (facet) { return facet.name; });
    var selected = index.facets.map(function () { return new Set(); });
    var results = [], shown = 0, timer = null, pendingStart = null, runs = 0;
    var DEBOUNCE_MS = 120;

    document.getElementById("ob-search").hidden = false;
    document.getElementById("ob-filters").hidden = false;

    function boxOf(box) {
      var f = facetNames.indexOf(box.name);
      return f < 0 ? null : [f, index.facets[f].values.indexOf(box.value)];
    }

    function item(d) {
      var doc = index.docs[d];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = doc.u;
      a.textContent = doc.t;
      if (doc.tl) { a.lang = doc.tl; }
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = (index.kinds[doc.k] || doc.k) + (doc.y ? " · " + doc.y : "");
      li.appendChild(meta);
      if (doc.s) {
        var p = document.createElement("p");
        p.className = "snippet";
        p.textContent = doc.s;
        if (doc.sl) { p.lang = doc.sl; }
        li.appendChild(p);
      }
      return li;
    }

    function showMore() {
      var fragment = document.createDocumentFragment();
      var end = Math.min(results.length, shown + index.pageSize);
      for (var i = shown; i < end; i++) { fragment.appendChild(item(results[i])); }
      list.appendChild(fragment);
      shown = end;
      more.hidden = shown >= results.length;
    }

    function stateHash() {
      var params = new URLSearchParams();
      if (input.value.trim()) { params.set("q", input.value.trim()); }
      selected.forEach(function (set, f) {
        if (set.size) {
          params.set(facetNames[f], Array.from(set).sort().map(function (v) { return index.facets[f].values[v]; }).join(","));
        }
      });
      return params.toString();
    }

    function remember() {
      var hash = stateHash();
      try {
        history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
      } catch (e) { /* some browsers refuse history changes under file://: the state is then not kept */ }
      Array.prototype.forEach.call(document.querySelectorAll("nav.langs a[hreflang]"), function (a) {
        a.href = a.getAttribute("href").split("#")[0] + (hash ? "#" + hash : "");
      });
    }

    function update(start) {
      var began = performance.now();
      var query = input.value;
      var queryTerms = unique(terms(query));
      /* ranking everything and then filtering gives the order Catalog.search gives with the filter */
      var pool = queryTerms.length ? rank(index, queryTerms, null) : index.browse;
      var allowed = allowedBy(index, selected);
      results = allowed ? pool.filter(function (d) { return allowed[d]; }) : pool;
      var counts = facetCounts(index, selected, pool);
      boxes.forEach(function (box) {
        var at = boxOf(box);
        if (!at) { return; }
        var count = counts[at[0]][at[1]] || 0;
        var label = box.parentNode.querySelector(".count");
        if (label) { label.textContent = "(" + count + ")"; }
        box.parentNode.classList.toggle("zero", count === 0 && !box.checked);
      });
      list.textContent = "";
      shown = 0;
      showMore();
      var filtered = query.trim() || selected.some(function (set) { return set.size; });
      status.textContent = !filtered ? format(index.ui.results_all, results.length)
        : results.length === 0 ? index.ui.results_none
        : results.length === 1 ? index.ui.results_one
        : format(index.ui.results_n, results.length);
      remember();
      runs += 1;
      var end = performance.now();
      /* for tests and the benchmark: keystroke (start), search began, results rendered (end) */
      window.OB_TIMING = {
        start: start === undefined ? began : start, began: began, end: end, results: results.length,
        runs: runs, debounce: DEBOUNCE_MS
      };
      root.setAttribute("data-ob-runs", String(runs));
    }

    input.addEventListener("input", function (event) {
      pendingStart = event.timeStamp; /* the keystroke these results answer: the last one */
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(function () {
        var start = pendingStart;
        timer = null;
        pendingStart = null;
        update(start);
      }, DEBOUNCE_MS);
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var at = boxOf(box);
        if (!at) { return; }
        if (box.checked) { selected[at[0]].add(at[1]); } else { selected[at[0]].delete(at[1]); }
        update();
      });
    });
    clear.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      selected.forEach(function (set) { set.clear(); });
      update();
    });
    more.addEventListener("click", showMore);

    /* the state in the address: #q=...&theme=a,b (also ?q=... from the search box of other pages) */
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var fromSearch = new URLSearchParams(location.search).get("q");
    input.value = params.get("q") || fromSearch || "";
    facetNames.forEach(function (name, f) {
      (params.get(name) || "").split(",").forEach(function (code) {
        var v = index.facets[f].values.indexOf(code);
        if (code && v >= 0) { selected[f].add(v); }
      });
    });
    boxes.forEach(function (box) {
      var at = boxOf(box);
      box.checked = !!at && selected[at[0]].has(at[1]);
      if (box.checked) { box.closest("details").open = true; }
    });
    update();
  }

  window.OB = { fold: fold, stem: stem, tokens: tokens, terms: terms, search: search, rank: rank };

  function start() {
    var lang = root.getAttribute("lang");
    var index = window.OB_SEARCH && window.OB_SEARCH[lang];
    if (index && document.getElementById("ob-results")) { catalog(index); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
