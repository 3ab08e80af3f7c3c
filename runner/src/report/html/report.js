// The html report's own script: filters, search, expand/collapse, opening
// the execution a link points at, and a self-check that writes what it
// counted into the page (`data-js="ok"` on <html>, text in #js-check), so
// a headless browser's DOM dump shows that the script ran without error.
(function () {
  'use strict';
  var root = document.documentElement;
  window.addEventListener('error', function (e) {
    root.setAttribute('data-js-error', String((e && e.message) || e));
  });
  function all(sel) {
    return Array.prototype.slice.call(document.querySelectorAll(sel));
  }
  var items = all('details.exec').concat(all('.tl-row[data-status]'));
  var state = { filter: 'all', q: '' };
  function visible(el) {
    var s = el.getAttribute('data-status');
    var f = state.filter;
    var okStatus = f === 'all' || s === f || (f === 'problems' && (s === 'fail' || s === 'error'));
    var okName = !state.q || (el.getAttribute('data-name') || '').indexOf(state.q) >= 0;
    return okStatus && okName;
  }
  function apply() {
    items.forEach(function (el) { el.hidden = !visible(el); });
  }
  all('[data-filter]').forEach(function (b) {
    b.addEventListener('click', function () {
      state.filter = b.getAttribute('data-filter');
      all('[data-filter]').forEach(function (o) {
        o.setAttribute('aria-pressed', o === b ? 'true' : 'false');
      });
      apply();
    });
  });
  var search = document.getElementById('search');
  if (search) {
    search.addEventListener('input', function () {
      state.q = search.value.trim().toLowerCase();
      apply();
    });
  }
  all('[data-expand]').forEach(function (b) {
    b.addEventListener('click', function () {
      var open = b.getAttribute('data-expand') === '1';
      all('details.exec').forEach(function (d) { if (!d.hidden) { d.open = open; } });
    });
  });
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === 'DETAILS') {
      el.hidden = false;
      el.open = true;
    }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();

  var counts = { pass: 0, fail: 0, error: 0, flaky: 0, skipped: 0 };
  var executions = all('details.exec');
  executions.forEach(function (el) {
    var s = el.getAttribute('data-status');
    counts[s] = (counts[s] || 0) + 1;
  });
  var check = document.getElementById('js-check');
  if (check) {
    check.textContent = 'js-ok executions=' + executions.length + ' pass=' + counts.pass +
      ' fail=' + counts.fail + ' error=' + counts.error + ' flaky=' + counts.flaky +
      ' skipped=' + counts.skipped;
  }
  root.setAttribute('data-js', 'ok');
})();
