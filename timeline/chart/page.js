// The timeline page's script, run once the plot is drawn ({plot_id} is the plot's element id).
// 1. Labels: whenever the view changes (zoom, pan, resize, a filter), the rows are packed again
//    and as many titles as fit are shown, the most important first (timeline/chart/labels.py
//    is the same algorithm in Python, for the first view and for static images).
// 2. Search and filters update the chart, the event list and the URL fragment together.
// 3. A click on an event opens the details panel; the arrow keys step through the events.
// 4. The notes counting events outside the view, or without a label, stay true.
// Article text arrives as JSON (never run) and enters the page only as textContent; the only
// links made are plain http(s) ones.
(function () {
  // plotly runs this as soon as the plot is drawn, before the parser reaches the event list
  // that follows the chart. The only chart of a page sets up at once, so its first view is
  // final when first painted, and takes the list when it is there (thousands of events take
  // a while to parse); a chart in a report waits for the whole page, which tells how many
  // charts share the URL fragment.
  var early = document.getElementById('{plot_id}');
  var alone = !!(early && early.closest('.tl-root[data-tl-alone]'));
  if (document.readyState === 'loading' && !alone) { document.addEventListener('DOMContentLoaded', setUp); } else { setUp(); }
  function setUp() {
  var gd = document.getElementById('{plot_id}');
  var root = gd && gd.closest('.tl-root');
  var dataEl = root && root.querySelector('script.tl-data');
  if (!gd || !gd.on || !dataEl) { return; }
  performance.mark('tl-setup');  // the benchmark tells plotly's drawing from this script's
  var D = JSON.parse(dataEl.textContent);
  var nDated = D.kind.length, nAll = D.title.length;
  var MARK = 6, GAP = 6, LIFT = 0.26, OFFSET = 0.24;
  var SAFE_URL = /^https?:\/\/[^\s"'<>\\]+$/i;
  var match = new Array(nAll).fill(true);
  var rowOf = D.row.slice();  // each event's row in its group, as render() drew it
  var selected = -1;
  var busy = false, pending = false, lastKey = '';

  // ---- 1. label layout -------------------------------------------------------------------
  var canvas = document.createElement('canvas').getContext('2d');
  canvas.font = '12px ' + ((gd._fullLayout && gd._fullLayout.font && gd._fullLayout.font.family) || 'sans-serif');
  // SVG text comes out a little wider than the canvas measures it (hinting): keep a margin
  // (measured when first needed: the first view needs a few dozen of thousands)
  var labelPx = [];
  function labelWidth(i) {
    if (labelPx[i] === undefined) { labelPx[i] = canvas.measureText(D.label[i]).width * 1.04 + 2; }
    return labelPx[i];
  }
  function ms(v) {
    if (typeof v === 'number') { return v; }
    var s = String(v).replace(' ', 'T');
    // a year before 0: plotly writes -0479, JavaScript reads only the six-digit -000479
    if (s.charAt(0) === '-') { s = '-00' + s.slice(1); }
    return Date.parse(/^-?\d+-\d\d-\d\d$/.test(s) ? s + 'T00:00:00Z' : s + 'Z');
  }
  function iso(t) {
    var s = new Date(t).toISOString();
    if (s.charAt(0) === '-') { s = '-' + s.slice(3); }  // -000479-... as plotly reads it: -0479-...
    return s.slice(0, s.indexOf('.'));
  }
  // ---- years before AD 1 (timeline/chart/axis.py is the same in Python) ---------------------
  // plotly would label 480 BC "-0479": a chart reaching before AD 1 carries its own tick labels,
  // redone for every view
  var ERA = !!(gd.layout.xaxis && gd.layout.xaxis.ticktext);
  var STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000], MONTH_STEPS = [1, 2, 3, 6];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function yearText(y) { return y < 1 ? (1 - y) + ' BC' : (y < 1000 ? 'AD ' + y : String(y)); }
  function utc(y, m) { var d = new Date(Date.UTC(2000, m, 1)); d.setUTCFullYear(y); return d.getTime(); }
  function eraTicks(lo, hi, width) {
    var most = Math.max(2, Math.floor(width / 90)), vals = [], text = [];
    var a = new Date(lo), b = new Date(hi), months = (hi - lo) / (365.2425 * 864e5) * 12;
    var y0 = a.getUTCFullYear(), y1 = b.getUTCFullYear(), y, m, t, step;
    if (months / most <= 6) {
      step = MONTH_STEPS.filter(function (s) { return months / s <= most; })[0] || 6;
      for (y = y0, m = a.getUTCMonth(); y < y1 || (y === y1 && m <= b.getUTCMonth()); m === 11 ? (y++, m = 0) : m++) {
        t = utc(y, m);
        if (m % step === 0 && t >= lo && t <= hi) { vals.push(iso(t)); text.push(MONTHS[m] + ' ' + yearText(y)); }
      }
    } else {
      step = STEPS.filter(function (s) { return months / 12 / s <= most; })[0] || STEPS[STEPS.length - 1];
      for (y = y0; y <= y1; y++) {
        t = utc(y, 0);
        if ((y < 1 ? 1 - y : y) % step === 0 && t >= lo && t <= hi) { vals.push(iso(t)); text.push(yearText(y)); }
      }
    }
    return [vals, text];
  }

  // The algorithm of timeline/chart/labels.py (layout_view), with measured text widths:
  // 1. the FIRST most important events in view get their titles first; 2. every other mark
  // gets a spot of its own (the least crowded row, never under a title if it can help);
  // 3. most important first, the rest get their titles where they touch no mark and no other
  // title (in their own row, else the lowest row with room). Cells are one pixel wide.
  var FIRST = {first_labels};
  // given: the label sides the figure was drawn with (render() laid the first view out in
  // Python); then nothing is moved, and the layout is returned only if every title, measured
  // here, still touches no mark and no other title (else null)
  function layoutView(lo, hi, width, caps, given) {
    var scale = width / (hi - lo), w = Math.ceil(width) + 1;
    var marks = caps.map(function (c) { return new Int32Array(c * w); });
    var texts = caps.map(function (c) { return new Uint8Array(c * w); });
    var side = new Int8Array(nDated), row = rowOf.slice(), seen = [], A = {}, B = {}, labelled = 0;
    function cellA(x) { return Math.max(0, Math.floor(x)); }
    function cellB(x) { return Math.max(0, Math.min(w, Math.ceil(x) + 1)); }
    function room(g, r, a, b) {
      var m = marks[g], t = texts[g];
      for (var x = r * w + a; x < r * w + b; x++) { if (m[x] || t[x]) { return false; } }
      return true;
    }
    function addMark(i, by) {
      var c = marks[D.group[i]], a = cellA(A[i]), b = cellB(B[i]);
      for (var x = row[i] * w + a; x < row[i] * w + b; x++) { c[x] += by; }
    }
    // the cells the marks of step 2 cover, per group, as running sums: a title of step 1 never
    // takes the last row free of titles across them (they would have to go under it)
    var cover = null, REACH = 2 * MARK + 2;
    function leavesAFreeRow(i, r, sa, sb) {
      var g = D.group[i], c = cover[g], t = texts[g], wa = Math.max(0, sa - REACH), wb = Math.min(w, sb + REACH);
      if (c[wb] - c[wa] === 0) { return true; }
      for (var k = 0; k < caps[g]; k++) {
        if (k === r) { continue; }
        var free = true;
        for (var x = k * w + wa; x < k * w + wb && free; x++) { if (t[x]) { free = false; } }
        if (free) { return true; }
      }
      return false;
    }
    function spansOf(i) {  // where i's title may go: [side, left, right] in pixels, whole in the plot
      var lab = labelWidth(i), spans;
      if (D.kind[i] === 2) { var left = Math.max(A[i], 0); spans = [[2, left, Math.max(Math.min(B[i], width), left + lab + GAP)]]; }
      else { spans = [[1, A[i], B[i] + GAP + lab], [-1, A[i] - GAP - lab, B[i]]]; }
      // (a mark's own edge may stick out of the plot, its title may not)
      return spans.filter(function (sp) { return !((sp[0] !== 1 && sp[1] < 0) || (sp[0] !== -1 && sp[2] > width)); });
    }
    function label(i, own, guard) {
      var g = D.group[i], cap = caps[g], best = null;
      spansOf(i).forEach(function (sp) {
        var sa = cellA(sp[1]), sb = cellB(sp[2]), found = -1;
        if (own >= 0 && room(g, own, sa, sb)) { found = own; }
        for (var r = 0; r < cap && found < 0; r++) { if (room(g, r, sa, sb)) { found = r; } }
        if (found < 0 || (guard && !leavesAFreeRow(i, found, sa, sb))) { return; }
        var rank = found === own ? -1 : found;
        if (!best || rank < best[0]) { best = [rank, found, sp[0], sa, sb]; }
      });
      if (!best) { return false; }
      var t = texts[g];
      for (var x = best[1] * w + best[3]; x < best[1] * w + best[4]; x++) { t[x] = 1; }
      row[i] = best[1]; side[i] = best[2]; labelled++;
      return true;
    }
    for (var o = 0; o < D.order.length; o++) {
      var i = D.order[o];
      if (!match[i]) { continue; }
      var pad = D.kind[i] === 0 ? MARK : 0, x0 = (D.x0[i] - lo) * scale - pad, x1 = (D.x1[i] - lo) * scale + pad;
      if (x1 - pad < 0 || x0 + pad > width) { continue; }  // a day is in view when its date is
      seen.push(i); A[i] = x0; B[i] = x1;
    }
    var labels = !!D.label;
    if (given) { return keptLayout(); }
    // long periods wait for step 3: a band of a few rows holding many of them has no room to spare
    var firstSet = seen.filter(function (i) { return D.kind[i] !== 2; }).slice(0, FIRST);
    var inFirst = new Uint8Array(nDated);
    firstSet.forEach(function (i) { inFirst[i] = 1; });
    cover = caps.map(function () { return new Int32Array(w + 1); });
    seen.forEach(function (i) {
      if (inFirst[i]) { return; }
      var c = cover[D.group[i]];
      c[cellA(A[i])] += 1; c[cellB(B[i])] -= 1;
    });
    cover = cover.map(function (c) {
      var out = new Int32Array(w + 1), run = 0;
      for (var x = 0; x < w; x++) { run += c[x]; out[x + 1] = out[x] + run; }
      return out;
    });
    firstSet.forEach(function (i) { if (labels && label(i, -1, true)) { addMark(i, 1); } });
    var rest = seen.filter(function (i) { return !side[i]; });
    rest.forEach(function (i) {
      var g = D.group[i], m = marks[g], t = texts[g], a = cellA(A[i]), b = cellB(B[i]), pick = 0, least = Infinity;
      for (var r = 0; r < caps[g]; r++) {
        var n = 0;
        for (var x = r * w + a; x < r * w + b; x++) { n += m[x] + (t[x] ? 1e6 : 0); }
        if (n < least) { least = n; pick = r; }
        if (n === 0) { break; }
      }
      row[i] = pick; addMark(i, 1);
    });
    if (labels) {
      rest.forEach(function (i) {
        if (inFirst[i]) { return; }
        addMark(i, -1);  // the event's own mark does not block its title
        label(i, row[i]);
        addMark(i, 1);
      });
    }
    return result();

    function keptLayout() {
      var ok = seen.every(function (i) { return row[i] >= 0 && row[i] < caps[D.group[i]]; });
      if (!ok) { return null; }
      seen.forEach(function (i) { addMark(i, 1); });
      for (var k = 0; k < nDated; k++) {
        if (!given[k]) { continue; }
        if (A[k] === undefined) { return null; }  // a title drawn for an event out of view
        var sp = spansOf(k).filter(function (s) { return s[0] === given[k]; })[0];
        if (!sp) { return null; }
        var g = D.group[k], sa = cellA(sp[1]), sb = cellB(sp[2]), t = texts[g];
        addMark(k, -1);
        var free = room(g, row[k], sa, sb);
        addMark(k, 1);
        if (!free) { return null; }
        for (var x = row[k] * w + sa; x < row[k] * w + sb; x++) { t[x] = 1; }
        side[k] = given[k]; labelled++;
      }
      return result();
    }
    function result() {
      var used = caps.map(function () { return 0; }), bare = 0, moments = 0;
      seen.forEach(function (i) {
        used[D.group[i]] = Math.max(used[D.group[i]], row[i] + 1);
        if (D.kind[i] !== 2) { moments++; if (!side[i]) { bare++; } }
      });
      return {row: row, side: side, inView: seen.length, labelled: labelled, used: used, moments: moments, bareMoments: bare};
    }
  }

  function yOf(i, r) { var g = D.groups[D.group[i]]; return g[0] + r + (g[2] ? OFFSET : 0); }

  function labelNote(i, sd) {
    var kind = D.kind[i], y = yOf(i, rowOf[i]), x, anchor, shift;
    var r = gd.layout.xaxis.range;
    if (kind === 2) { x = iso(Math.max(D.x0[i], ms(r[0]))); anchor = 'left'; shift = 2; y = y - OFFSET - LIFT; }
    else if (sd > 0) { x = iso(kind === 1 ? D.x1[i] : D.x0[i]); anchor = 'left'; shift = GAP + (kind === 0 ? MARK : 0); }
    else { x = iso(D.x0[i]); anchor = 'right'; shift = -(GAP + (kind === 0 ? MARK : 0)); }
    // plotly reads annotation text as its small HTML subset: escape it
    var text = D.label[i].replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\$/g, '&#36;');
    return {x: x, y: y, text: text, xref: 'x', yref: 'y', showarrow: false, xanchor: anchor, xshift: shift,
            font: {size: 12, color: '#222'}, captureevents: false, name: 'tl-label'};
  }

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  function outsideCounts(lo, hi) {
    var before = 0, after = 0, first = Infinity, last = -Infinity;
    for (var i = 0; i < nDated; i++) {
      if (!match[i]) { continue; }
      var s = D.x0[i], e = D.x1[i];
      if (e <= lo && s < lo) { before++; first = Math.min(first, s); }
      else if (s >= hi) { after++; last = Math.max(last, s); }
    }
    return [before, after, first, last];
  }

  function redraw(force) {
    var xa = gd._fullLayout && gd._fullLayout.xaxis, r = gd.layout.xaxis && gd.layout.xaxis.range;
    if (busy) { pending = pending || force || 'view'; return; }
    if (!xa || !r) { return; }
    var lo = ms(r[0]), hi = ms(r[1]), width = xa._length;
    var key = lo + ',' + hi + ',' + width;
    if (!force && key === lastKey) { return; }
    lastKey = key;
    var caps = D.groups.map(function (g) { return g[1]; }), size = {};
    // the first view as render() drew it (its rows grown, maybe), when its titles hold with the
    // widths measured here: no trace needs redrawing (what makes a page of thousands of events
    // open fast)
    var L = firstView(lo, hi) ? layoutView(lo, hi, width, D.first.caps, D.first.side) : null, kept = !!L;
    if (kept) { caps = D.first.caps.slice(); } else { L = layoutView(lo, hi, width, caps); }
    // (each day or week in view needs a row at most: more than the rows allowed cannot all be labelled)
    if (D.grow && L.bareMoments && L.moments <= D.grow.max) {
      // zoomed in on a crowded stretch: the chart grows taller (as vis-timeline does) when that
      // is enough to label every event in view
      var more = caps.map(function (c, g) { return D.groups[g][2] ? c : Math.max(c, D.grow.max); });
      var big = layoutView(lo, hi, width, more);
      if (big.bareMoments === 0) {  // every day and week in view labelled (periods have their band)
        L = big; kept = false;
        caps = caps.map(function (c, g) { return D.groups[g][2] ? c : Math.max(c, big.used[g]); });
      }
    }
    if (D.grow) {
      var total = caps.reduce(function (a, b) { return a + b; }, 0);
      var height = D.grow.height + D.grow.rowPx * (total - D.grow.rows);
      if (gd.layout.height !== height) {
        size = {height: height, 'yaxis.range': [total + 0.6, -0.7]};
        // the range slider keeps its height (its thickness is a share of the plot's)
        var m = gd.layout.margin || {};
        if (D.grow.slider) { size['xaxis.rangeslider.thickness'] = D.grow.slider / Math.max(height - (m.t || 0) - (m.b || 0), D.grow.slider); }
      }
    }
    for (var j = 0; j < nDated; j++) { L.row[j] = Math.min(L.row[j], caps[D.group[j]] - 1); }
    rowOf = L.row;
    var traces = [], ys = [];
    gd.data.forEach(function (t, k) {
      if (kept || (t.meta !== 'days' && t.meta !== 'spans')) { return; }
      traces.push(k);
      ys.push(Array.from(t.customdata, function (i) { return match[i] ? yOf(i, rowOf[i]) : null; }));
    });
    var all = gd.layout.annotations || [];
    var notes = all.filter(function (a) { return a.name !== 'tl-label'; });
    var before = JSON.stringify(notes.map(function (a) { return [a.text, a.visible]; }));
    var how = ' (drag the slider or press \u201call\u201d)', out = outsideCounts(lo, hi);
    notes.forEach(function (a) {
      if (a.name === 'tl-outside-before') {
        a.text = out[0] ? '\u25c0 ' + plural(out[0], 'earlier event') + ' from ' + yearText(new Date(out[2]).getUTCFullYear()) + how : '';
        a.visible = !!out[0];
      } else if (a.name === 'tl-outside-after') {
        a.text = out[1] ? plural(out[1], 'later event') + ' to ' + yearText(new Date(out[3]).getUTCFullYear()) + how + ' \u25b6' : '';
        a.visible = !!out[1];
      } else if (a.name === 'tl-unlabelled') {
        var bare = L.inView - L.labelled;
        a.text = bare && D.label ? bare + ' of ' + L.inView + ' events here have no label: zoom in (drag across the chart) or hover' : '';
        a.visible = !!a.text;
      }
    });
    var same = kept && !size.height && before === JSON.stringify(notes.map(function (a) { return [a.text, a.visible]; }));
    if (kept) { notes = notes.concat(all.filter(function (a) { return a.name === 'tl-label'; })); }
    else { for (var i = 0; i < nDated; i++) { if (L.side[i]) { notes.push(labelNote(i, L.side[i])); } } }
    var shapes = (gd.layout.shapes || []).filter(function (s) { return s.name !== 'tl-selected'; });
    if (selected >= 0 && selected < nDated && match[selected]) { shapes.push(selectedShape(selected)); }
    busy = true;
    var done = function () {
      busy = false;
      gd.setAttribute('data-tl-labels', String(L.labelled));
      gd.setAttribute('data-tl-in-view', String(L.inView));
      // when the first view was laid out, for the benchmark (ms since the page began loading)
      if (!gd.hasAttribute('data-tl-ready')) {
        gd.setAttribute('data-tl-ready', String(Math.round(performance.now())));
        gd.setAttribute('data-tl-first', kept ? 'kept' : 'laid out');  // render()'s first view, or laid out here
      }
      if (pending) { var again = pending === true; pending = false; redraw(again); }
    };

    if (same) { done(); return; }
    size.annotations = notes; size.shapes = shapes;
    if (ERA) {  // (plotly types the axis anew when its ticks change: it must stay a date axis)
      var ticks = eraTicks(lo, hi, width);
      size['xaxis.tickvals'] = ticks[0]; size['xaxis.ticktext'] = ticks[1]; size['xaxis.type'] = 'date';
    }
    if (kept) { Plotly.relayout(gd, size).then(done, done); } else { Plotly.update(gd, {y: ys}, size, traces).then(done, done); }
  }

  var firstDrawn = false;
  function firstView(lo, hi) {  // the view render() laid out, with every event shown
    if (firstDrawn || !D.first) { return false; }
    firstDrawn = true;
    return Math.abs(lo - D.first.range[0]) < 1000 && Math.abs(hi - D.first.range[1]) < 1000 && match.every(Boolean);
  }

  function selectedShape(i) {
    var y = yOf(i, rowOf[i]);
    if (D.kind[i] === 0) {
      return {type: 'circle', xref: 'x', yref: 'y', xsizemode: 'pixel', ysizemode: 'pixel', xanchor: iso(D.x0[i]),
              yanchor: y, x0: -10, x1: 10, y0: -10, y1: 10, line: {color: '#c2185b', width: 2.5}, name: 'tl-selected'};
    }
    return {type: 'rect', xref: 'x', yref: 'y', x0: iso(D.x0[i]), x1: iso(D.x1[i]), y0: y - 0.42, y1: y + 0.42,
            line: {color: '#c2185b', width: 2.5}, name: 'tl-selected'};
  }

  // ---- 2. search and filters ---------------------------------------------------------------
  var q = root.querySelector('.tl-q');
  var filters = [].slice.call(root.querySelectorAll('.tl-filter'));
  var count = root.querySelector('.tl-count');
  var reset = root.querySelector('.tl-reset');
  // the list holds the same events in the same (date) order as the data; it is taken once
  // the page is parsed, and then shows what the filters and the panel chose meanwhile
  var items = [], heading = null, headingText = '';
  function takeList() {
    items = [].slice.call(root.querySelectorAll('.tl-list > .tl-event'));
    if (items.length !== nAll) { items = []; }
    heading = root.querySelector('.tl-events [id$="-h"]');
    headingText = heading ? heading.textContent : '';
    showList();
    if (items[selected]) { items[selected].classList.add('tl-current'); }
  }
  var haystack = null;  // built at the first search
  function searchText() {
    haystack = haystack || D.title.map(function (t, i) {
      return [t, D.actors[i].join(' '), D.place[i], D.evidence[i]].join(' \u0001 ').toLowerCase();
    });
    return haystack;
  }
  // several charts on one page keep their state apart in the fragment
  var roots = [].slice.call(document.querySelectorAll('.tl-root'));
  var prefix = roots.length > 1 ? 'tl' + roots.indexOf(root) + '.' : '';

  function state() {
    var s = {q: q ? q.value.trim() : ''};
    filters.forEach(function (f) { s[f.getAttribute('data-filter')] = f.value; });
    return s;
  }
  function applyFilters(fromHash) {
    var s = state(), words = s.q.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    var hay = words.length ? searchText() : null;
    for (var i = 0; i < nAll; i++) {
      var ok = words.every(function (w) { return hay[i].indexOf(w) >= 0; });
      if (ok && s.category) { ok = D.category[i] === s.category; }
      if (ok && s.actor) { ok = D.actors[i].indexOf(s.actor) >= 0; }
      if (ok && s.source) { ok = D.sources[i].indexOf(s.source) >= 0; }
      if (ok && s.certainty) { ok = D.certainty[i] === s.certainty; }
      match[i] = ok;
      if (ok) { shown++; }
    }
    var filtered = shown < nAll;
    if (count) { count.textContent = filtered ? shown + ' of ' + nAll + ' events match' : nAll + ' events'; }
    if (reset) { reset.hidden = !filtered; }
    showList();
    if (!fromHash) { writeHash(); }
    redraw(true);
  }
  function showList() {
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      if (match[i]) { shown++; }
      if (items[i].hidden !== !match[i]) { items[i].hidden = !match[i]; }
    }
    if (heading) { heading.textContent = shown < nAll ? headingText.replace(/\(\d+\)$/, '(' + shown + ' of ' + nAll + ' shown)') : headingText; }
  }
  function writeHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, '')), s = state();
    Object.keys(s).forEach(function (k) { if (s[k]) { params.set(prefix + k, s[k]); } else { params.delete(prefix + k); } });
    if (selected >= 0) { params.set(prefix + 'event', D.id[selected]); } else { params.delete(prefix + 'event'); }
    var text = params.toString();
    try { history.replaceState(null, '', text ? '#' + text : location.pathname + location.search); } catch (e) { /* file: in some browsers */ }
  }
  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (q && params.has(prefix + 'q')) { q.value = params.get(prefix + 'q'); }
    filters.forEach(function (f) {
      var v = params.get(prefix + f.getAttribute('data-filter'));
      // a value no option has selects nothing, which reads as "all"
      if (v !== null) { f.value = v; if (f.value !== v) { f.value = ''; } }
    });
    var id = params.get(prefix + 'event');
    return id === null ? -1 : D.id.indexOf(id);
  }
  var typing = null;
  if (q) { q.addEventListener('input', function () { clearTimeout(typing); typing = setTimeout(function () { applyFilters(false); }, 120); }); }
  filters.forEach(function (f) { f.addEventListener('change', function () { applyFilters(false); }); });
  if (reset) {
    reset.addEventListener('click', function () {
      if (q) { q.value = ''; }
      filters.forEach(function (f) { f.value = ''; });
      applyFilters(false);
    });
  }

  // ---- 3. details panel --------------------------------------------------------------------
  var panel = root.querySelector('.tl-panel');
  var body = panel && panel.querySelector('.tl-panel-body');
  var pos = panel && panel.querySelector('.tl-pos');
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function sequence() {  // the matching events in date order (the list's order)
    var out = [];
    for (var i = 0; i < nAll; i++) { if (match[i]) { out.push(i); } }
    return out;
  }
  function show(i, focusPanel) {
    if (!panel || i < 0 || i >= nAll) { return; }
    selected = i;
    body.textContent = '';
    body.appendChild(el('h3', 'tl-panel-title', D.title[i]));
    var when = el('p', 'tl-panel-when', D.when[i]);
    if (D.certainty[i]) { when.appendChild(el('span', 'tl-panel-how', ' \u00b7 date ' + D.certainty[i])); }
    body.appendChild(when);
    if (D.evidence[i]) {
      var quote = el('blockquote', 'tl-panel-evidence'), m = D.mark[i], ev = D.evidence[i];
      if (m) {
        quote.appendChild(document.createTextNode(ev.slice(0, m[0])));
        quote.appendChild(el('mark', null, ev.slice(m[0], m[1])));
        quote.appendChild(document.createTextNode(ev.slice(m[1])));
      } else { quote.textContent = ev; }
      body.appendChild(quote);
    }
    var meta = [];
    if (D.actors[i].length) { meta.push('Who: ' + D.actors[i].join(', ')); }
    if (D.place[i]) { meta.push('Where: ' + D.place[i]); }
    if (D.category[i]) { meta.push('Kind: ' + D.category[i]); }
    if (meta.length) { body.appendChild(el('p', 'tl-panel-meta', meta.join(' \u00b7 '))); }
    if (D.sources[i].length) {
      body.appendChild(el('p', 'tl-panel-sources-h', D.sources[i].length === 1 ? 'Source' : D.sources[i].length + ' sources'));
      var ul = el('ul', 'tl-panel-sources');
      D.sources[i].forEach(function (src, k) {
        var li = el('li'), name = D.sourceTitles[i][k] || src, url = D.urls[i][k] || '';
        if (SAFE_URL.test(url)) {
          var a = el('a', null, name);
          a.setAttribute('href', url); a.setAttribute('rel', 'noopener noreferrer'); a.setAttribute('target', '_blank');
          li.appendChild(a);
        } else { li.textContent = name; }
        ul.appendChild(li);
      });
      body.appendChild(ul);
    }
    var seq = sequence(), at = seq.indexOf(i);
    if (pos) { pos.textContent = at >= 0 ? (at + 1) + ' / ' + seq.length : ''; }
    panel.hidden = false;
    if (focusPanel) { panel.focus({preventScroll: true}); }
    items.forEach(function (li, k) { li.classList.toggle('tl-current', k === i); });
    writeHash();
    bringIntoView(i);
  }
  function bringIntoView(i) {
    if (i >= nDated) { redraw(true); return; }
    var r = gd.layout.xaxis.range, lo = ms(r[0]), hi = ms(r[1]);
    if (D.x0[i] >= lo && D.x0[i] <= hi) { redraw(true); return; }
    var half = (hi - lo) / 2, mid = (D.x0[i] + Math.max(D.x1[i], D.x0[i])) / 2;
    Plotly.relayout(gd, {'xaxis.range': [iso(mid - half), iso(mid + half)]});  // redraw follows
  }
  function step(by) {
    var seq = sequence();
    if (!seq.length) { return; }
    var at = seq.indexOf(selected);
    show(seq[at < 0 ? 0 : Math.max(0, Math.min(seq.length - 1, at + by))], false);
  }
  function close() {
    if (!panel) { return; }
    panel.hidden = true; selected = -1;
    items.forEach(function (li) { li.classList.remove('tl-current'); });
    writeHash(); redraw(true);
  }
  gd.on('plotly_click', function (ev) {
    var p = ev && ev.points && ev.points[0];
    if (p && typeof p.customdata === 'number') { show(p.customdata, true); }
  });
  if (panel) {
    panel.querySelector('.tl-prev').addEventListener('click', function () { step(-1); });
    panel.querySelector('.tl-next').addEventListener('click', function () { step(1); });
    panel.querySelector('.tl-close').addEventListener('click', close);
  }
  var read = root.querySelector('.tl-read');
  if (read) {
    read.addEventListener('click', function () {
      var r = gd.layout.xaxis.range, lo = ms(r[0]), seq = sequence();
      var first = seq.filter(function (i) { return i < nDated && D.x1[i] >= lo; })[0];
      show(first === undefined ? seq[0] : first, true);
    });
  }
  document.addEventListener('keydown', function (ev) {
    if (!panel || panel.hidden || ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var t = ev.target, tag = t && t.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') { return; }
    // with several charts on a page, the keys drive the one the reader last used
    if (roots.length > 1 && !(root.contains(t) || t === document.body)) { return; }
    if (ev.key === 'ArrowRight') { step(1); ev.preventDefault(); }
    else if (ev.key === 'ArrowLeft') { step(-1); ev.preventDefault(); }
    else if (ev.key === 'Escape') { close(); }
  });

  // ---- 4. wiring ---------------------------------------------------------------------------
  gd.on('plotly_relayout', function () { redraw(false); });
  window.addEventListener('resize', function () { setTimeout(function () { redraw(false); }, 80); });
  var fromHash = readHash();
  applyFilters(true);
  if (fromHash >= 0) { show(fromHash, false); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', takeList); } else { takeList(); }
  }
})();
