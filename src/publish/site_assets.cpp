#include "publish/site_assets.hpp"

namespace termgraph::site_assets {

namespace {

// Light and dark schemes, one column on a phone, two-level navigation on a
// wide screen; in print, no navigation or search and every entry whole.
constexpr std::string_view css = R"css(:root {
  color-scheme: light dark;
  --text: #1b1b1b; --muted: #555; --back: #fff; --line: #c8c8c8; --link: #0b57b0;
  --error: #b00020; --warning: #8a5a00; --note: #2f5f8a; --cycle: #b3261e; --box: #f3f6fb;
}
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e6e6; --muted: #aaa; --back: #15171a; --line: #444; --link: #8ab4f8;
          --error: #ff8a80; --warning: #ffcc80; --note: #90caf9; --cycle: #ff8a80; --box: #22262c; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: var(--text); background: var(--back); }
a { color: var(--link); }
a:focus-visible, input:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--back); padding: .5em; }
.skip:focus { left: .5em; z-index: 10; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.site { border-bottom: 1px solid var(--line); padding: .75em 1em; display: flex; flex-wrap: wrap;
              gap: .5em 1.5em; align-items: flex-start; }
.site-title { margin: 0; font-weight: 600; font-size: 1.1em; flex: 1 1 16em; }
header nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25em 1em; }
form.search { position: relative; flex: 1 1 18em; max-width: 32em; }
form.search label { display: block; font-size: .85em; color: var(--muted); }
form.search input { width: 100%; font: inherit; padding: .35em .5em; border: 1px solid var(--line);
                    border-radius: 4px; background: var(--back); color: var(--text); }
.search-results { list-style: none; margin: 0; padding: 0; position: absolute; left: 0; right: 0; z-index: 5;
                  background: var(--back); border: 1px solid var(--line); border-top: 0; max-height: 60vh; overflow: auto; }
.search-results:empty { display: none; }
.search-results li { padding: .3em .5em; border-top: 1px solid var(--line); }
.search-results .status { color: var(--muted); font-size: .85em; }
main { max-width: 60em; margin: 0 auto; padding: 1em; }
h1 { font-size: 1.5em; margin: .25em 0 .75em; }
article.entry { border-top: 1px solid var(--line); padding: .75em 0 1em; }
article.entry h2 { font-size: 1.15em; margin: 0 0 .25em; }
article.entry:target { background: var(--box); outline: 2px solid var(--link); outline-offset: .25em; }
.number { font-weight: 700; margin-right: .35em; }
.term { margin: 0; }
.term.admitted span, .term.deprecated span { font-weight: 400; }
.term.deprecated { color: var(--muted); }
.kind, .pos, .language-tag, .status { color: var(--muted); font-size: .9em; }
.language-tag { margin: .5em 0 0; text-transform: uppercase; letter-spacing: .05em; }
section.language + section.language { border-left: 3px solid var(--line); padding-left: .75em; margin-top: .5em; }
.domain { margin: .25em 0; }
.definition { margin: .25em 0; }
.example, .note, .source { margin: .25em 0; font-size: .95em; }
.label { font-weight: 600; }
.dangling { text-decoration: underline wavy var(--error); color: var(--error); }
a.cycle-step, .badge.cycle a { color: var(--cycle); font-weight: 600; }
article.circular { border-left: 4px solid var(--cycle); padding-left: .75em; }
.badge { margin: .25em 0; font-size: .9em; }
dl.categories { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; font-size: .9em; margin: .25em 0; }
dl.categories dt { color: var(--muted); }
dl.categories dd { margin: 0; }
.cited-by { font-size: .95em; }
.entry-findings ul, ol.findings { padding-left: 1.25em; }
.entry-findings p { margin: .25em 0 0; }
li.error, li.error .severity { color: var(--error); }
li.warning .severity { color: var(--warning); }
li.note .severity { color: var(--note); }
.severity { font-weight: 700; }
ol.findings > li { margin-bottom: .75em; }
ol.findings > li:target { background: var(--box); }
ol.findings p { margin: 0; }
code { font-size: .9em; }
.index { columns: 2 18em; padding-left: 1.5em; }
.index li { break-inside: avoid; }
.index li.deprecated .term { color: var(--muted); }
nav.pages ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5em 1.25em; }
figure { margin: .75em 0; }
figure svg, svg.ring { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .85em; color: var(--muted); }
svg .node { fill: var(--box); stroke: var(--line); }
svg .node.centre { stroke: var(--link); stroke-width: 2; }
svg .node.circular { stroke: var(--cycle); stroke-width: 2; }
svg text { font-size: 12px; text-anchor: middle; fill: var(--text); }
svg a:hover .node, svg a:focus .node { stroke: var(--link); stroke-width: 2; }
svg .edge { stroke: var(--muted); stroke-width: 1.5; fill: none; }
svg .edge.note { stroke-dasharray: 6 4; }
svg .edge.example { stroke-dasharray: 2 3; }
svg .edge.source, svg .edge.cross-reference { stroke-dasharray: 8 3 2 3; }
svg .edge.cycle-step { stroke: var(--cycle); stroke-width: 2; }
svg marker path { fill: var(--muted); }
svg.definitions { position: absolute; }
section.cycle { border-top: 1px solid var(--line); padding-top: .5em; }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .85em; padding: .5em 1em; text-align: center; }
@media (max-width: 40em) {
  body { font-size: 15px; }
  main { padding: .75em; }
  dl.categories { grid-template-columns: 1fr; }
  .index { columns: 1; }
}
@media print {
  header.site form, header.site nav, nav.pages, .skip, figure { display: none; }
  body { font-size: 11pt; color: #000; background: #fff; }
  a { color: inherit; text-decoration: none; }
  article.entry { break-inside: avoid; }
  article.entry:target { outline: 0; background: none; }
  .dangling { color: #000; text-decoration: underline dotted; }
}
)css";

// Search as you type. The index is split into shards by the first letter of
// each word of a folded term (search/KEY.js); a shard is loaded with a
// script element the first time a query needs it, which works from file://
// where fetch() does not. Results are built with DOM calls, never from
// markup, so no text of the vocabulary is ever parsed as HTML.
constexpr std::string_view js = R"js((function () {
  'use strict';
  var shards = {};
  var keys = null;
  var waiting = {};
  var IGNORED_SCRIPT = /[\p{Script=Inherited}\p{Script=Common}\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}]/u;
  var STATUS = ['preferred', 'admitted', 'deprecated', 'entry number'];

  // The folding of termgraph's lookups (Vocabulary::fold): NFKC with case
  // folding, accents removed, Arabic letter variants made one, white space
  // collapsed.
  function fold(text) {
    var s = text.normalize('NFKC').replace(/\p{Default_Ignorable_Code_Point}/gu, '');
    s = s.toLowerCase().replace(/\u00df/g, 'ss').replace(/\u03c2/g, '\u03c3').normalize('NFKC');
    s = s.normalize('NFD').replace(/\p{Mn}/gu, function (m) {
      return m !== '\u3099' && m !== '\u309a' && IGNORED_SCRIPT.test(m) ? '' : m;
    });
    s = s.replace(/\u0640/g, '').replace(/\u0671/g, '\u0627').replace(/[\u06cc\u0649]/g, '\u064a')
      .replace(/\u06a9/g, '\u0643');
    return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
  }

  // The shard names a query's matches can be in (site.cpp, shard_of):
  // those starting with the name of its first two code points (four from a
  // digit).
  function shardPrefix(word) {
    var points = Array.from(word);
    var count = /^[0-9]/.test(word) ? 4 : 2;
    return points.slice(0, count).map(function (ch) {
      if (/^[a-z0-9.\-]$/.test(ch)) return ch;
      var bucket = ch.codePointAt(0) % 61;
      return 'x' + (bucket < 10 ? '0' : '') + bucket;
    }).join('');
  }

  function wordStarts(folded) {
    var starts = [0];
    for (var i = 0; i < folded.length; i++) {
      var ch = folded.charAt(i);
      if ((ch === ' ' || ch === '-' || ch === '/') && i + 1 < folded.length) starts.push(i + 1);
    }
    return starts;
  }

  function find(query, names) {
    var records = [];
    names.forEach(function (name) { records = records.concat(shards[name] || []); });
    var best = {};
    var order = [];
    for (var i = 0; i < records.length; i++) {
      var r = records[i];
      var folded = r[0];
      var rank = -1;
      if (folded === query) {
        rank = 0;
      } else if (folded.lastIndexOf(query, 0) === 0) {
        rank = 1;
      } else {
        var starts = wordStarts(folded);
        for (var k = 1; k < starts.length; k++) {
          if (folded.substr(starts[k], query.length) === query) { rank = 2; break; }
        }
      }
      if (rank < 0) continue;
      var score = [rank, r[5] === 3 ? -1 : r[5], folded.length, i];
      var href = r[4];
      if (!(href in best)) order.push(href);
      if (!(href in best) || less(score, best[href].score)) best[href] = {score: score, record: r};
    }
    var hits = order.map(function (h) { return best[h]; });
    hits.sort(function (a, b) { return less(a.score, b.score) ? -1 : less(b.score, a.score) ? 1 : 0; });
    return hits.slice(0, 20).map(function (h) { return h.record; });
  }

  function less(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return a[i] < b[i];
    }
    return false;
  }

  function show(list, records, query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!query) return;
    if (records.length === 0) {
      var none = document.createElement('li');
      none.textContent = 'No term starts with \u201c' + query + '\u201d.';
      list.appendChild(none);
      return;
    }
    records.forEach(function (r) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = r[4];
      var number = document.createElement('span');
      number.className = 'number';
      number.textContent = r[3];
      a.appendChild(number);
      if (r[1]) {
        var term = document.createElement('span');
        term.textContent = r[1];
        if (r[2]) term.lang = r[2];
        a.appendChild(term);
      }
      li.appendChild(a);
      if (r[5] !== 0) {
        var status = document.createElement('span');
        status.className = 'status';
        status.textContent = ' ' + STATUS[r[5]];
        li.appendChild(status);
      }
      list.appendChild(li);
    });
  }

  function loadOne(key, done) {
    if (shards[key]) { done(); return; }
    if (waiting[key]) { waiting[key].push(done); return; }
    waiting[key] = [done];
    var script = document.createElement('script');
    script.src = 'search/' + key + '.js';
    script.onerror = function () { shards[key] = []; flush(key); };
    document.head.appendChild(script);
  }

  function load(names, done) {
    var left = names.length;
    if (left === 0) { done(); return; }
    names.forEach(function (name) {
      loadOne(name, function () { if (--left === 0) done(); });
    });
  }

  function flush(key) {
    var callbacks = waiting[key] || [];
    delete waiting[key];
    callbacks.forEach(function (f) { f(); });
  }

  window.termgraphSearchKeys = function (list) { keys = list; };
  window.termgraphSearchShard = function (key, records) { shards[key] = records; flush(key); };
  window.termgraphFold = fold;
  window.termgraphFind = function (text, done) {
    var query = fold(text);
    if (!query) { done([]); return; }
    var prefix = shardPrefix(query);
    var names = (keys || []).filter(function (k) { return k.lastIndexOf(prefix, 0) === 0; });
    load(names, function () { done(find(query, names)); });
  };

  function start() {
    var input = document.getElementById('search');
    var list = document.getElementById('search-results');
    if (!input || !list) return;
    var latest = 0;
    function update() {
      var text = input.value;
      var ticket = ++latest;
      window.termgraphFind(text, function (records) {
        if (ticket === latest) show(list, records, fold(text));
      });
    }
    input.addEventListener('input', update);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { input.value = ''; update(); }
    });
    input.form.addEventListener('submit', function (event) {
      event.preventDefault();
      var first = list.querySelector('a');
      if (first) window.location.href = first.href;
    });
    var q = new URLSearchParams(window.location.search).get('q');
    if (q) { input.value = q; update(); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
)js";

}  // namespace

std::string_view stylesheet() noexcept {
  return css;
}

std::string_view search_script() noexcept {
  return js;
}

}  // namespace termgraph::site_assets
