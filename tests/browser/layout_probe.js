// Appended to a copy of report.html by tests/test_view_report.py, which shows it in an iframe of the
// width under test (headless Chromium's own window is at least 500 px wide) and dumps the DOM: measures
// what a reader sees — the rendered text, where things are, whether labels fit — then exercises the
// filters, and writes it all as JSON into a PRE element of the outer page (id "probe").
(function () {
  function box(e) { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
  function visible(e) { var s = getComputedStyle(e); return s.visibility !== 'hidden' && s.display !== 'none'; }
  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function shownFacts() { return all(document, 'section.fact').filter(function (s) { return !s.hidden; })
    .map(function (s) { return s.id; }); }
  var out = {innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,
             text: document.body.innerText, plots: []};
  all(document, '.plot').forEach(function (p) {
    var caption = p.querySelector('.caption');
    out.plots.push({
      fact: p.closest('section').id,
      plot: box(p),
      caption: caption ? {box: box(caption), text: caption.textContent,
                          scrollWidth: caption.scrollWidth, clientWidth: caption.clientWidth} : null,
      ticks: all(p, '.tick').filter(visible).map(function (t) { return {box: box(t), text: t.textContent}; }),
      tracks: all(p, '.row:not(.axis) .track').map(box),
      bars: all(p, '.bar').map(function (b) { return {box: box(b), cls: b.className}; }),
      whoFont: all(p, '.who').map(function (w) { return parseFloat(getComputedStyle(w).fontSize); })
    });
  });
  out.order = all(document, 'h1, dl.summary, form.filters, nav.contents, section.fact').map(function (e) {
    return [e.tagName.toLowerCase() + (e.className ? '.' + e.className.split(' ').join('.') : ''), box(e)[1]];
  });
  var form = document.getElementById('filters');
  out.filtersVisible = !!form && !form.hidden && form.getBoundingClientRect().height > 0;
  out.shownText = document.getElementById('shown') ? document.getElementById('shown').textContent : null;
  if (form) {
    var steps = {};
    function set(name, value) {
      if (form[name].type === 'checkbox') form[name].checked = value; else form[name].value = value;
      form.dispatchEvent(new Event('change'));
    }
    var sources = all(form.source, 'option').map(function (o) { return o.value; }).filter(Boolean);
    sources.forEach(function (s) { set('source', s); steps['source=' + s] = shownFacts(); });
    set('source', '');
    all(form.lang, 'option').map(function (o) { return o.value; }).filter(Boolean).forEach(function (l) {
      set('lang', l); steps['lang=' + l] = shownFacts();
    });
    set('lang', '');
    set('conflicts', true); steps.conflicts = shownFacts(); set('conflicts', false);
    set('from', '2025-01-01'); steps['from=2025-01-01'] = shownFacts(); set('from', '');
    set('to', '2024-12-31'); steps['to=2024-12-31'] = shownFacts(); set('to', '');
    steps.all = shownFacts();
    out.filters = steps;
    out.tocHiddenWhenFiltered = (function () {
      set('conflicts', true);
      var hidden = all(document, 'nav.contents li').filter(function (li) { return li.hidden; }).length;
      set('conflicts', false);
      return hidden;
    })();
  }
  var host = window.parent.document;
  var pre = host.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  host.body.appendChild(pre);
})();
