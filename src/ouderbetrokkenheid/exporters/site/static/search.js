/* ouderbetrokkenheid site: the catalog page's search and facets. Vanilla JavaScript, no framework,
 * no network: the search index is a script (assets/search-index.<lang>.js) that sets OB_SEARCH[lang].
 * Content is only ever inserted as text (textContent), never as HTML. */
(function () {
  "use strict";

  var root = document.documentElement;

  /* -- the query: a port of LangIndex.query_terms / plan (ouderbetrokkenheid.catalog.index) --------
   * Python is the truth: no stemmer runs here. A query word is looked up in the index's lexicon
   * (every word of the records and the thesaurus, with its Snowball stem); a word found nowhere stays
   * as typed (folded) and can still match compounds and typos. */
  var MARKS = /\p{M}/gu;
  var ASCII = /^[\x00-\x7f]*$/;
  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(text) {
    var lower = String(text).toLowerCase().replace(/\u00df/g, "ss");
    if (ASCII.test(lower)) { return lower; }
    return lower.normalize("NFKD").replace(MARKS, "");
  }

  function words(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/\u00df/g, "ss").match(WORD) || [];
  }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function reverse(text) { return text.split("").reverse().join(""); }

  function lowerBound(list, value) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (list[mid] < value) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  /* derived lookups, made once per index */
  function prepare(index) {
    if (index.ready) { return index; }
    index.termAt = new Map(index.terms.map(function (t, i) { return [t, i]; }));
    index.vocab = index.terms.filter(function (t) { return t.charAt(0) !== index.k.pseudo; });
    index.reversed = index.vocab.map(reverse).sort();
    index.surfaces = Object.keys(index.surface).sort();
    index.stopSet = new Set(index.stop);
    index.questionSet = new Set(index.questions);
    index.pronounSet = new Set(index.pronouns);
    index.ready = true;
    return index;
  }

  /* content words (stop words out, unless nothing else), their terms, and whether each is the verb
   * of a question: after a question word, before a subject pronoun (analysis.question_verbs) */
  function queryTerms(index, query) {
    var typed = words(query), kept = [], i;
    for (i = 0; i < typed.length; i++) { if (!index.stopSet.has(fold(typed[i]))) { kept.push(i); } }
    if (!kept.length) { kept = typed.map(function (w, j) { return j; }); }
    var content = kept.map(function (j) { return typed[j]; });
    var verbs = kept.map(function (j) {
      return j > 0 && j < typed.length - 1 && index.questionSet.has(fold(typed[j - 1])) &&
        index.pronounSet.has(fold(typed[j + 1])) && !index.stopSet.has(fold(typed[j]));
    });
    return [content, content.map(function (w) { return term(index, fold(w)); }), verbs];
  }

  /* a word of the lexicon: its stem; else the longest known stem it starts with, when the rest is
   * short (an inflection); else the word itself */
  function term(index, folded) {
    if (has(index.surface, folded)) { return index.surface[folded]; }
    for (var cut = folded.length - 1; cut >= Math.max(index.k.minCompound, folded.length - index.k.maxEnding); cut--) {
      if (index.termAt.has(folded.slice(0, cut))) { return folded.slice(0, cut); }
    }
    return folded;
  }

  /* the optimal string alignment distance, any value above limit returned as limit + 1 */
  function osa(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var previous2 = [], previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) { previous.push(j); }
    for (i = 1; i <= a.length; i++) {
      current = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          current[j] = Math.min(current[j], previous2[j - 2] + 1);
        }
      }
      if (Math.min.apply(null, current) > limit) { return limit + 1; }
      previous2 = previous;
      previous = current;
    }
    return Math.min(previous[previous.length - 1], limit + 1);
  }

  function typos(index, typed) {
    var k = index.k, limit = typed.length < k.twoTypos ? 1 : 2, out = [], start = typed.slice(0, 2);
    for (var j = lowerBound(index.surfaces, start); j < index.surfaces.length; j++) {
      var candidate = index.surfaces[j];
      if (!candidate.startsWith(start)) { break; }
      var term = index.surface[candidate];
      if (Math.abs(candidate.length - typed.length) <= limit && index.termAt.has(term) &&
          osa(typed, candidate, limit) <= limit && out.indexOf(term) < 0) {
        out.push(term);
      }
    }
    return out;
  }

  function wordAlternatives(index, term, typed) {
    var k = index.k, found = [], j, start, candidate;
    if (index.termAt.has(term)) { found.push([[term], k.exact]); }
    if (term.length >= k.minCompound) {
      for (j = lowerBound(index.vocab, term); j < index.vocab.length; j++) {
        candidate = index.vocab[j];
        if (!candidate.startsWith(term)) { break; }
        if (candidate !== term) { found.push([[candidate], k.compound]); }
      }
      var backwards = reverse(term);
      for (j = lowerBound(index.reversed, backwards); j < index.reversed.length; j++) {
        candidate = index.reversed[j];
        if (!candidate.startsWith(backwards)) { break; }
        if (candidate.length >= term.length + 3) { found.push([[reverse(candidate)], k.compound]); }
      }
      for (var cut = 3; cut < term.length - k.minCompound + 1; cut++) {
        if (index.termAt.has(term.slice(cut))) { found.push([[term.slice(cut)], k.head]); break; }
      }
    }
    if (!found.length && typed.length >= k.minFuzzy) {
      typos(index, typed).forEach(function (t) { found.push([[t], k.fuzzy]); });
    }
    return found;
  }

  /* The slots of a query: a phrase the thesaurus knows, or one word; each with its alternatives. */
  function plan(index, query) {
    prepare(index);
    var k = index.k, qt = queryTerms(index, query), content = qt[0], stems = qt[1], verbs = qt[2], slots = [], i = 0;
    while (i < stems.length) {
      for (var length = Math.min(k.maxPhrase, stems.length - i); length > 0; length--) {
        var phrase = stems.slice(i, i + length), key = phrase.join(" ");
        if (length > 1 && !has(index.phrases, key)) { continue; }
        var alternatives = new Map();
        var put = function (terms, factor) {
          var name = terms.join("\u0001");
          var old = alternatives.get(name);
          if (!old || old[1] < factor) { alternatives.set(name, [terms, factor]); }
        };
        if (length === 1) {
          wordAlternatives(index, phrase[0], fold(content[i])).forEach(function (a) { put(a[0], a[1]); });
        } else if (phrase.every(function (t) { return index.termAt.has(t); })) {
          put(phrase, k.exact * length);
        }
        (has(index.phrases, key) ? index.phrases[key] : []).forEach(function (group) {
          index.exp[group].forEach(function (a) { put(a[0], a[1]); });
        });
        slots.push({
          words: content.slice(i, i + length), alternatives: Array.from(alternatives.values()),
          weight: length === 1 && verbs[i] ? k.verb : 1
        });
        i += length;
        break;
      }
    }
    return slots;
  }

  /* -- ranking: a port of LangIndex.slot_scores and rank ------------------------------------------ */
  function idf(index, df) { return Math.log(1 + (index.docs.length - df + 0.5) / (df + 0.5)); }

  /* the highest rarity a one-word alternative may weigh with (LangIndex.slot_idf) */
  function slotIdf(index, slot) {
    var exact = -1, other = -1;
    slot.alternatives.forEach(function (alternative) {
      var terms = alternative[0], df;
      if (terms.length === 1 && terms[0].charAt(0) !== index.k.pseudo) {
        df = index.post[index.termAt.get(terms[0])].length / 2;
        if (alternative[1] >= 1) { exact = Math.max(exact, df); } else { other = Math.max(other, df); }
      }
    });
    return exact >= 0 ? idf(index, exact) : other >= 0 ? idf(index, other) : 0;
  }

  /* LangIndex._cap: a weaker match weighs no more than a word of the slot's rarity */
  function cap(index, df, slotRarity, factor) {
    var its = idf(index, df);
    if (factor >= 1 || slotRarity <= 0 || its <= slotRarity) { return 1; }
    return slotRarity / its;
  }

  function slotScores(index, slot) {
    var n = index.docs.length, best = new Float64Array(n), boost = new Float64Array(n), own = slotIdf(index, slot);
    slot.alternatives.forEach(function (alternative) {
      var terms = alternative[0], factor = alternative[1], post, p, d, v;
      if (terms[0].charAt(0) === index.k.pseudo) {
        post = index.post[index.termAt.get(terms[0])];
        for (p = 0; p < post.length; p += 2) { d = post[p]; v = post[p + 1] * factor; if (v > boost[d]) { boost[d] = v; } }
        return;
      }
      if (terms.length === 1) {
        post = index.post[index.termAt.get(terms[0])];
        var scale = factor * cap(index, post.length / 2, own, factor);
        for (p = 0; p < post.length; p += 2) { d = post[p]; v = post[p + 1] * scale; if (v > best[d]) { best[d] = v; } }
        return;
      }
      var total = new Float64Array(n), have = new Int32Array(n), scale = factor / terms.length;
      terms.forEach(function (term) {
        var list = index.post[index.termAt.get(term)];
        var c = cap(index, list.length / 2, own, scale);
        for (var q = 0; q < list.length; q += 2) { total[list[q]] += list[q + 1] * c; have[list[q]] += 1; }
      });
      for (d = 0; d < n; d++) {
        if (have[d] === terms.length) { v = total[d] * scale; if (v > best[d]) { best[d] = v; } }
      }
    });
    for (var e = 0; e < n; e++) { best[e] += boost[e]; }
    return best;
  }

  function round4(x) { return Math.floor(x * 10000 + 0.5) / 10000; }

  /* Ranked results for a query: {docs (one per publication, best first), scores, matched, unmatched}.
   * `allowed` (a 0/1 mask, or null) leaves documents out after ranking, as Catalog.find does. */
  function rank(index, query, allowed) {
    prepare(index);
    var slots = plan(index, query), n = index.docs.length;
    var perSlot = slots.map(function (slot) {
      var scores = slotScores(index, slot);
      for (var d = 0; d < n; d++) { scores[d] = scores[d] * slot.weight; }
      return scores;
    });
    var counts = perSlot.map(function (scores) { var c = 0; for (var d = 0; d < n; d++) { if (scores[d] > 0) { c++; } } return c; });
    var unmatched = [], live = [];
    slots.forEach(function (slot, i) { if (counts[i] === 0) { unmatched.push(slot.words.join(" ")); } else { live.push(i); } });
    var result = { docs: [], scores: {}, matched: {}, unmatched: unmatched, slots: slots.length };
    if (!live.length) { return result; }
    /* coverage weights (index._coverage_weights): very common words weigh nothing when a rarer one is live */
    var size = Math.max(n, 1), weights = {}, totalWeight = 0;
    var isCommon = function (i) { return counts[i] > Math.max(index.k.common * size, index.k.minCommon); };
    var someRare = live.some(function (i) { return !isCommon(i); });
    live.forEach(function (i) {
      weights[i] = someRare && isCommon(i) ? 0 : Math.log(1 + size / counts[i]) * slots[i].weight;
      totalWeight += weights[i];
    });
    var score = new Float64Array(n), coverage = new Float64Array(n), rare = new Uint8Array(n), anyRare = false, d;
    live.forEach(function (i) {
      var scores = perSlot[i], isRare = counts[i] <= Math.max(index.k.common * size, index.k.minCommon);
      for (d = 0; d < n; d++) {
        score[d] += scores[d];
        if (scores[d] > 0) {
          coverage[d] += weights[i];
          if (isRare) { rare[d] = 1; anyRare = true; }
        }
      }
    });
    var hits = [];
    for (d = 0; d < n; d++) {
      var c = coverage[d] / totalWeight, final = score[d] * c * c;
      if (final > 0 && (!anyRare || rare[d]) && (!allowed || allowed[d])) {
        hits.push(d);
        result.scores[d] = round4(final);
      }
    }
    hits.sort(function (a, b) {
      if (result.scores[a] !== result.scores[b]) { return result.scores[b] - result.scores[a]; }
      var ia = index.docs[a].id, ib = index.docs[b].id;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
    var seen = new Set();
    hits.forEach(function (h) {
      var work = index.docs[h].w ? index.docs[h].w.join(",") : String(h);
      if (seen.has(work)) { return; }
      seen.add(work);
      result.docs.push(h);
      result.matched[h] = live.filter(function (i) { return perSlot[i][h] > 0; }).map(function (i) { return slots[i].words.join(" "); });
    });
    return result;
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

  /* Document numbers for a query and facet selection, best first, one per publication. */
  function search(index, query, selected) {
    var allowed = allowedBy(index, selected);
    if (!queryTerms(prepare(index), query)[0].length) {
      return collapse(index, index.browse.filter(function (d) { return !allowed || allowed[d]; }));
    }
    return rank(index, query, allowed).docs;
  }

  function collapse(index, list) {
    var seen = new Set();
    return list.filter(function (d) {
      var work = index.docs[d].w ? index.docs[d].w.join(",") : String(d);
      if (seen.has(work)) { return false; }
      seen.add(work);
      return true;
    });
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
      if (doc.m) {  // its title or summary here is a machine translation: said where it is shown
        var mark = document.createElement("span");
        mark.className = "mt-mark";
        mark.textContent = "(" + index.mt.text + ")";
        if (index.mt.lang) { mark.lang = index.mt.lang; }
        meta.appendChild(document.createTextNode(" "));
        meta.appendChild(mark);
      }
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
      /* the results are those of Catalog.find with the same filters; the facet counts are over
       * the results without filters, each facet counting the documents that pass the other facets */
      var none = index.facets.map(function () { return new Set(); });
      var hasQuery = queryTerms(prepare(index), query)[0].length > 0;
      var ranked = hasQuery ? rank(index, query, null) : null;
      var pool = ranked ? ranked.docs : search(index, query, none);
      results = selected.some(function (set) { return set.size; }) ? search(index, query, selected) : pool;
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
      if (ranked && ranked.unmatched.length) {
        /* words that matched nothing are said, never silently dropped */
        status.textContent += " · " + index.ui.results_unmatched.replace("{words}", ranked.unmatched.join(", "));
      }
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

  window.OB = { fold: fold, words: words, queryTerms: queryTerms, plan: plan, search: search, rank: rank };

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
