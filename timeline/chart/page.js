// The timeline page's script, run once the plot is drawn ({plot_id} is the plot's element id).
// 1. A click opens the event's source. The URL comes from the figure's data, which article-derived
//    tables fill, so it is checked again here: only http(s), in a new tab without an opener.
// 2. Labels that would collide in a narrow window or a zoomed-out view are hidden.
// 3. The notes counting the events outside the view are kept true as the reader pans.
(function () {
  var gd = document.getElementById('{plot_id}');
  if (!gd || !gd.on) { return; }
  gd.on('plotly_click', function (ev) {
    var p = ev && ev.points && ev.points[0];
    if (!p) { return; }
    var url = Array.isArray(p.customdata) ? p.customdata[0] : p.customdata;
    if (typeof url === 'string' && /^https?:\/\/[^\s"'<>\\]+$/i.test(url)) {
      window.open(url, '_blank', 'noopener,noreferrer');
    }
  });
  // 2. Labels are laid out for a ~1,024 px window; in a narrower one (or zoomed out) a label that
  // would cover a mark or an earlier label is hidden until there is room again. Hover still
  // names its event.
  function declutter() {
    var notes = gd.layout.annotations || [];
    // marks are drawn first and never hidden; a label that would cover one gives way
    var kept = [].slice.call(gd.querySelectorAll('.cartesianlayer .scatterlayer path.point, .cartesianlayer .barlayer .point path'))
      .map(function (m) { return m.getBoundingClientRect(); }).filter(function (r) { return r.width > 0; });
    [].slice.call(gd.querySelectorAll('.infolayer g.annotation')).forEach(function (g) {
      var a = notes[Number(g.getAttribute('data-index'))];
      if (!a || a.xref !== 'x') { return; }
      g.style.display = '';
      var text = g.querySelector('.annotation-text');  // absent while the label is off-axis
      var r = text && text.getBoundingClientRect();
      if (!r || !r.width) { return; }
      var clash = kept.some(function (k) {
        return r.left < k.right - 1 && k.left < r.right - 1 && r.top < k.bottom - 1 && k.top < r.bottom - 1;
      });
      if (clash) { g.style.display = 'none'; } else { kept.push(r); }
    });
  }
  gd.on('plotly_afterplot', declutter);
  gd.on('plotly_relayout', declutter);  // zoom and pan move the labels without a full replot
  window.addEventListener('resize', function () { setTimeout(declutter, 50); });
  declutter();
  // 3. Recount the events left and right of the view for the notes render() put at the plot's
  // corners (named tl-outside-before/after), so they stay true as the reader pans and zooms.
  function ms(v) {
    if (typeof v === 'number') { return v; }
    var s = String(v).replace(' ', 'T');
    return Date.parse(s.length === 10 ? s + 'T00:00:00Z' : s + 'Z');
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  var busy = false;
  gd.on('plotly_relayout', function () {
    var notes = (gd.layout.annotations || []), idx = {};
    notes.forEach(function (a, i) { if (a.name === 'tl-outside-before' || a.name === 'tl-outside-after') { idx[a.name] = i; } });
    var r = gd.layout.xaxis && gd.layout.xaxis.range;
    if (busy || !r || idx['tl-outside-before'] === undefined) { return; }
    var lo = ms(r[0]), hi = ms(r[1]), before = 0, after = 0, first = Infinity, last = -Infinity;
    gd.data.forEach(function (t) {
      if (t.meta !== 'days' && t.meta !== 'spans') { return; }
      var starts = t.meta === 'days' ? t.x : t.base;
      for (var i = 0; i < starts.length; i++) {
        var s = ms(starts[i]), e = t.meta === 'days' ? s : s + Number(t.x[i]);
        if (e <= lo && s < lo) { before++; first = Math.min(first, s); }
        else if (s >= hi) { after++; last = Math.max(last, s); }
      }
    });
    var how = ' (drag the slider or press \u201call\u201d)', upd = {}, ib = idx['tl-outside-before'], ia = idx['tl-outside-after'];
    var tb = before ? '\u25c0 ' + plural(before, 'earlier event') + ' from ' + new Date(first).getUTCFullYear() + how : '';
    var ta = after ? plural(after, 'later event') + ' to ' + new Date(last).getUTCFullYear() + how + ' \u25b6' : '';
    if (notes[ib].text !== tb || notes[ib].visible !== !!before) { upd['annotations[' + ib + '].text'] = tb; upd['annotations[' + ib + '].visible'] = !!before; }
    if (notes[ia].text !== ta || notes[ia].visible !== !!after) { upd['annotations[' + ia + '].text'] = ta; upd['annotations[' + ia + '].visible'] = !!after; }
    if (Object.keys(upd).length) { busy = true; Plotly.relayout(gd, upd).then(function () { busy = false; }, function () { busy = false; }); }
  });
})();
