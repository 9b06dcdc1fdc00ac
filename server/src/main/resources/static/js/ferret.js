// Progressive enhancement only: every page works without this script.
(function () {
  'use strict';

  // Mark the current section in the main navigation.
  function markCurrentNav() {
    var path = window.location.pathname;
    var best = null;
    document.querySelectorAll('.mainnav a').forEach(function (a) {
      var href = new URL(a.href).pathname;
      var match = href === '/' ? path === '/' : (path === href || path.indexOf(href + '/') === 0);
      if (match && (!best || href.length > new URL(best.href).pathname.length)) { best = a; }
    });
    if (best) { best.setAttribute('aria-current', 'page'); }
  }

  // In the event form, show only the particulars that belong to the chosen event type.
  function wireEventTypes(root) {
    root.querySelectorAll('select[data-event-type]:not([data-wired])').forEach(function (select) {
      select.setAttribute('data-wired', '');
      var form = select.form;
      function update() {
        form.querySelectorAll('[data-for-types]').forEach(function (el) {
          var types = el.getAttribute('data-for-types').split(' ');
          el.hidden = types.indexOf(select.value) < 0;
        });
      }
      select.addEventListener('change', update);
      update();
    });
  }

  // In the register form, show the quantity only for ammunition lots.
  function wireKind(root) {
    root.querySelectorAll('form select[name="kind"]:not([data-wired])').forEach(function (select) {
      select.setAttribute('data-wired', '');
      var form = select.form;
      function update() {
        if (!form) { return; }
        form.querySelectorAll('[data-only-kind]').forEach(function (el) {
          var hasValue = el.querySelector('input') && el.querySelector('input').value;
          el.hidden = select.value !== el.getAttribute('data-only-kind') && !hasValue;
        });
      }
      select.addEventListener('change', update);
      update();
    });
  }

  // 1234567 as "1.2M", 12345 as "12k": value labels stay short enough to sit beside a bar on a phone.
  function compact(v) {
    if (v >= 1e6) { return (v / 1e6).toFixed(v >= 1e7 ? 0 : 1).replace(/\.0$/, '') + 'M'; }
    if (v >= 1e4) { return Math.round(v / 1e3) + 'k'; }
    return String(v);
  }

  // Draw a bar chart from a data table (the table stays as the accessible source of the numbers).
  function drawCharts(root) {
    if (!window.echarts) { return; }
    root.querySelectorAll('[data-chart-from]:not([data-wired])').forEach(function (el) {
      el.setAttribute('data-wired', '');
      var table = document.getElementById(el.getAttribute('data-chart-from'));
      if (!table) { return; }
      var labels = [], values = [], colors = [];
      // a unit after each value label (e.g. " %" on the parcels dashboard's holds against capacity)
      var suffix = table.getAttribute('data-suffix') || '';
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        labels.push(tr.getAttribute('data-label'));
        values.push(Number(tr.getAttribute('data-value')));
        colors.push(tr.getAttribute('data-color') || '#24507d');
      });
      // room for every bar and its label however many rows there are (CSSOM, which the policy allows)
      el.style.height = Math.max(160, 28 * labels.length + 48) + 'px';
      // canvas, not SVG: the SVG renderer writes style attributes, which the Content-Security-Policy refuses
      var chart = window.echarts.init(el, null, { renderer: 'canvas' });
      // labels that fit a narrow window: category names are cut to a share of the width, value ticks thin out and
      // values are written short rather than run into each other
      function draw() {
        var width = el.clientWidth || 600;
        var narrow = width < 480;
        chart.setOption({
          animation: false,
          grid: { left: 8, right: narrow ? 64 : 72, top: 8, bottom: 8, containLabel: true },
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'value', minInterval: 1, splitNumber: narrow ? 2 : 5,
                   axisLabel: { hideOverlap: true, formatter: function (v) { return compact(v) + suffix; } },
                   splitLine: { lineStyle: { color: '#e5e9f0' } } },
          yAxis: { type: 'category', data: labels, inverse: true, axisTick: { show: false },
                   axisLabel: { width: Math.round(width * (narrow ? 0.34 : 0.4)), overflow: 'truncate', interval: 0 } },
          series: [{
            type: 'bar', data: values.map(function (v, i) { return { value: v, itemStyle: { color: colors[i] } }; }),
            barMaxWidth: 22, label: { show: true, position: 'right', formatter: function (p) { return compact(p.value) + suffix; } }
          }]
        });
      }
      draw();
      window.addEventListener('resize', function () { chart.resize(); draw(); });
    });
  }

  // Draw a Sankey diagram of flows from a data table (rows with data-source, data-target, data-value); the table
  // stays as the accessible source. Used by the seizure analytics' routes between countries.
  function drawSankeys(root) {
    if (!window.echarts) { return; }
    root.querySelectorAll('[data-sankey-from]:not([data-wired])').forEach(function (el) {
      el.setAttribute('data-wired', '');
      var table = document.getElementById(el.getAttribute('data-sankey-from'));
      if (!table) { return; }
      var names = {}, links = [];
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        var s = tr.getAttribute('data-source'), t = tr.getAttribute('data-target');
        names[s] = true; names[t] = true;
        links.push({ source: s, target: t, value: Number(tr.getAttribute('data-value')) });
      });
      if (!links.length) { return; }
      el.style.height = Math.max(200, 26 * Object.keys(names).length) + 'px';
      var chart = window.echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'item' },
        series: [{ type: 'sankey', data: Object.keys(names).map(function (n) { return { name: n }; }), links: links,
                   emphasis: { focus: 'adjacency' }, lineStyle: { color: 'source', opacity: 0.4 },
                   itemStyle: { color: '#24507d' }, label: { fontSize: 12 } }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  // After a form comes back, put keyboard focus where the news is: the error summary, or the confirmation.
  function focusNews(root) {
    var target = root.querySelector('#error-summary') || root.querySelector('#notice');
    if (target) { target.focus({ preventScroll: false }); }
  }

  function init(root) {
    wireEventTypes(root);
    wireKind(root);
    drawCharts(root);
    drawSankeys(root);
  }

  document.addEventListener('DOMContentLoaded', function () {
    markCurrentNav();
    init(document);
    focusNews(document);
  });
  // content swapped in by htmx (the swapped element itself is new, so e.target is not the place to look)
  document.addEventListener('htmx:load', function (e) {
    init(e.detail.elt);
    if (e.detail.elt !== document.body) { focusNews(e.detail.elt); }
  });
})();
