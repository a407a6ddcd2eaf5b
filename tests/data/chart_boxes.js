// Screen boxes of a drawn timeline, for the browser test (tests/test_browser.py) and the layout
// benchmark (benchmarks/render_layout.py): `gd` is the plot's div. Writes them as JSON into a
// pre element with id "boxes": label boxes with their text, day markers, span bars and the plot
// area, each [left, top, right, bottom] in CSS pixels.
var box = function (e) { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
var main = gd.querySelector('.cartesianlayer');
var labels = [].slice.call(gd.querySelectorAll('.annotation-text')).filter(function (t) {
  return t.textContent && t.getBoundingClientRect().width > 0; }).map(function (t) {
  return box(t).concat([t.textContent]); });
var points = [].slice.call(main.querySelectorAll('.scatterlayer path.point')).map(box);
var bars = [].slice.call(main.querySelectorAll('.barlayer .point path')).map(box);
var plot = box(gd.querySelector('.draglayer .nsewdrag'));
var pre = document.createElement('pre'); pre.id = 'boxes';
pre.textContent = JSON.stringify({labels: labels, points: points, bars: bars, plot: plot});
document.body.appendChild(pre);
