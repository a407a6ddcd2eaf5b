// Screen boxes of a drawn timeline, for the browser test (tests/test_browser.py) and the layout
// benchmark (benchmarks/render_layout.py): `gd` is the plot's div. Writes them as JSON into a
// pre element with id "boxes": label boxes with their text, day markers, span bars and the plot
// area, each [left, top, right, bottom] in CSS pixels; how many events the view holds, whether the
// page has a search box, when the page's script had laid the first view out (ms), and whether it
// kept the first view render() drew ("kept") or laid it out again ("laid out"), and the chart's
// height (px; a zoomed view grows taller to label every event in it).
var box = function (e) { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
var main = gd.querySelector('.cartesianlayer');
// labels: the event titles only (annotations named tl-label), not the notes about the view
var notes = gd.layout.annotations || [];
var labels = [].slice.call(gd.querySelectorAll('.infolayer g.annotation')).filter(function (g) {
  var a = notes[Number(g.getAttribute('data-index'))], t = g.querySelector('.annotation-text');
  return a && a.name === 'tl-label' && t && t.textContent && t.getBoundingClientRect().width > 0; }).map(function (g) {
  var t = g.querySelector('.annotation-text'); return box(t).concat([t.textContent]); });
var points = [].slice.call(main.querySelectorAll('.scatterlayer path.point')).map(box);
var bars = [].slice.call(main.querySelectorAll('.barlayer .point path')).map(box);
var plot = box(gd.querySelector('.draglayer .nsewdrag'));
var pre = document.createElement('pre'); pre.id = 'boxes';
pre.textContent = JSON.stringify({labels: labels, points: points, bars: bars, plot: plot,
  inView: Number(gd.getAttribute('data-tl-in-view')), hasSearch: !!document.querySelector('.tl-controls input[type=search]'),
  ready: Number(gd.getAttribute('data-tl-ready')), first: gd.getAttribute('data-tl-first'),
  height: gd.layout.height});
document.body.appendChild(pre);
