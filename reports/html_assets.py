"""The HTML report's inline stylesheet and script, kept as Python strings so a plain `pip install` ships them
(the package list in pyproject.toml names `reports` only, so neither a subpackage nor data files would be
installed). Neither contains anything from the target: the script reads the page's data-* attributes."""

from __future__ import annotations

CSS = """
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;
--failed:#cf222e;--error:#8250df;--warning:#bc4c00;--waived:#6e7781;--skipped:#8c959f;--passed:#1a7f37;
--known:#57606a;--fixed:#1a7f37;
--implemented:#1a7f37;--flawed:#8250df;--default:#9a6700;--stub:#bc4c00;--missing:#cf222e}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);
background:var(--bg)}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
.wrap{max-width:1360px;margin:0 auto;padding:0 20px}
header.top{border-bottom:1px solid var(--line);background:var(--soft);padding:14px 0 10px;position:sticky;top:0;
z-index:5}
h1{font-size:20px;margin:0 0 2px}h2{font-size:17px;margin:0}h3{font-size:15px;margin:0}
.meta{color:var(--muted);margin:0 0 8px;font-size:13px}
.verdict{display:inline-block;font-size:12px;font-weight:600;padding:2px 10px;border-radius:12px;color:#fff;
vertical-align:middle;margin-left:8px}
.v-failed .verdict,.verdict.v-failed{background:var(--failed)}.verdict.v-error{background:var(--error)}
.verdict.v-warning{background:var(--warning)}.verdict.v-passed{background:var(--passed)}
.bar{display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.chip{font:inherit;font-size:13px;border:1px solid var(--line);background:#fff;border-radius:14px;padding:2px 10px;
color:var(--fg);cursor:default}
.chip b{font-variant-numeric:tabular-nums}
.chip.s-failed b{color:var(--failed)}.chip.s-error b{color:var(--error)}.chip.s-warning b{color:var(--warning)}
.chip.s-waived b{color:var(--waived)}.chip.s-skipped b{color:var(--skipped)}.chip.s-passed b{color:var(--passed)}
.chip.s-pre-existing b{color:var(--known)}
.chip.zero{opacity:.55}
body.js .chip[data-s]{cursor:pointer}body.js .chip[aria-pressed=false]{opacity:.4;text-decoration:line-through}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-top:8px;font-size:13px;color:var(--muted)}
.filters select,.filters button{font:inherit;font-size:13px;padding:2px 8px;border:1px solid var(--line);
border-radius:6px;background:#fff;cursor:pointer}
.box{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:14px 0;background:#fff}
.box>summary{cursor:pointer;font-weight:600}
.box.drift{border-color:#d4a72c;background:#fff8c5}.box.harness{border-color:var(--failed);background:#ffebe9}
.box ul{margin:6px 0 0;padding-left:20px}.box li{margin:3px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(430px,1fr));gap:14px;margin:14px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;border-top:4px solid var(--passed);
min-width:0;max-width:820px}
.card .legend code{overflow-wrap:anywhere}
.card.v-failed{border-top-color:var(--failed)}.card.v-error{border-top-color:var(--error)}
.card.v-warning{border-top-color:var(--warning)}
.card h2 small{font-weight:normal;color:var(--muted);font-size:13px}
.stage{border-left:3px solid var(--skipped);padding:2px 8px;margin:6px 0}.stage ol{margin:4px 0}
.completion{display:flex;align-items:center;gap:10px;margin:6px 0}
.completion .big{font-size:26px;font-weight:700;font-variant-numeric:tabular-nums}
.meter{flex:1;height:8px;background:#eaeef2;border-radius:4px;overflow:hidden;min-width:60px}
.meter i{display:block;height:100%;background:var(--passed)}.meter.part i{background:var(--warning)}
.meter.low i{background:var(--failed)}
.counts{display:flex;flex-wrap:wrap;gap:4px;margin:4px 0 8px}
.counts .chip{font-size:12px;padding:0 8px}
ul.problems{list-style:none;margin:4px 0 8px;padding:0;font-size:13px}
ul.problems li{margin:2px 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
ul.problems .badge{min-width:58px;margin-right:6px;font-size:10px}
table.flows{border-collapse:collapse;width:100%;font-size:13px;table-layout:fixed}
table.flows col.c-flow{width:27%}table.flows col.c-sel{width:9%}table.flows col.c-st{width:7.5%}
table.flows thead th.rot{vertical-align:bottom;height:64px;padding:2px 0}
table.flows thead th.rot span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block}
table.flows td,table.flows th{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
table.flows th{font-weight:600;color:var(--muted);font-size:11.5px;text-align:center;
border-bottom:1px solid var(--line);padding:3px 4px}
table.flows th:first-child,table.flows td:first-child{text-align:left}
table.flows td{border-bottom:1px solid #eaeef2;padding:3px 4px;text-align:center}
table.flows td.where{text-align:left;color:var(--muted)}
table.flows tr.off td{color:var(--skipped)}table.flows tr.off .dot{opacity:.45}
table.flows tr.bad td{background:#ffebe9}table.flows tr.bad td:first-child{box-shadow:inset 3px 0 var(--failed)}
table.flows tr.ign td{color:var(--skipped);background:var(--soft)}
.dot{display:inline-block;width:12px;height:12px;border-radius:50%}
.dot.implemented{background:var(--implemented)}.dot.flawed{background:var(--flawed)}
.dot.default{background:var(--default)}
.dot.stub{background:var(--stub)}.dot.missing{background:var(--missing)}
.sel{font-weight:600}
details.ignored{margin-top:6px;color:var(--muted);font-size:12.5px}details.ignored>summary{cursor:pointer}
.legend{color:var(--muted);font-size:12px;margin:4px 0}
.legend .dot{width:9px;height:9px;margin:0 2px 0 8px;vertical-align:baseline}
details.conn{border:1px solid var(--line);border-radius:8px;margin:14px 0;background:#fff}
details.conn>summary{cursor:pointer;padding:10px 14px;background:var(--soft);border-radius:8px;
list-style-position:inside}
details.conn[open]>summary{border-bottom:1px solid var(--line);border-radius:8px 8px 0 0}
details.conn>summary h2{display:inline;margin-right:8px}
details.conn>summary .sum{color:var(--muted);font-size:13px}
details.conn.v-failed>summary{box-shadow:inset 4px 0 var(--failed)}
details.conn.v-error>summary{box-shadow:inset 4px 0 var(--error)}
details.conn.v-warning>summary{box-shadow:inset 4px 0 var(--warning)}
details.conn.v-passed>summary{box-shadow:inset 4px 0 var(--passed)}
.conn-body{padding:4px 14px 12px}
.sec{margin:10px 0 6px}
.sec>details>summary{cursor:pointer;list-style:none}.sec>details>summary::-webkit-details-marker{display:none}
.sec h3{border-bottom:1px solid var(--line);padding-bottom:3px;margin-bottom:6px;display:flex;gap:8px;
align-items:baseline}
.sec h3::before{content:"\\25BE";color:var(--muted);font-size:12px}
.sec>details:not([open]) h3::before{content:"\\25B8"}
.sec>details:not([open]) h3{color:var(--muted)}
.kicker{text-transform:uppercase;letter-spacing:.04em;font-size:11px;color:var(--muted);font-weight:700}
.sec h3 .c{margin-left:auto;font-weight:normal;font-size:12px;color:var(--muted)}
.scn{margin:4px 0;border:1px solid #eaeef2;border-radius:6px}
.scn>details>summary{cursor:pointer;padding:4px 8px;display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.scn>details>summary::marker{content:""}
.scn>details>summary::before{content:"\\25B8";color:var(--muted);width:10px}
.scn>details[open]>summary::before{content:"\\25BE"}
.scn.s-failed{border-color:#ffcecb;background:#fffafa}.scn.s-error{border-color:#e3d3ff}
.scn.s-warning{border-color:#ffd8b5;background:#fffcf8}
.badge{display:inline-block;min-width:64px;text-align:center;font-size:11px;font-weight:700;text-transform:uppercase;
color:#fff;border-radius:4px;padding:1px 6px}
.badge.s-failed{background:var(--failed)}.badge.s-error{background:var(--error)}.badge.s-warning{background:var(--warning)}
.badge.s-pre-existing{background:var(--known)}
.badge.s-waived{background:var(--waived)}.badge.s-skipped{background:var(--skipped)}.badge.s-passed{background:var(--passed)}
.scn .name{font-weight:600}
.sev{font-size:11px;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 4px}
.tags{display:inline-flex;flex-wrap:wrap;gap:3px}
.tag{font-size:11px;color:#0550ae;background:#ddf4ff;border-radius:10px;padding:0 6px}
body.js .tag{cursor:pointer}
.nf{font-size:12px;color:var(--failed);font-weight:600}
.s-warning .nf{color:var(--warning)}.s-waived .nf{color:var(--waived)}
.scn>.one{padding:4px 8px 4px 24px;display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.whyi{color:var(--muted);font-size:12.5px}.whyi::before{content:"\\2014  "}
.why.sw{margin:0 0 6px;font-size:12.5px;color:var(--muted)}
.scn-body{padding:2px 12px 8px 26px}
ol.steps{list-style:none;margin:2px 0 6px;padding:0;font-size:13px}
ol.steps li{padding:1px 0 1px 20px;position:relative}
ol.steps li::before{position:absolute;left:0;font-weight:700}
ol.steps li.p::before{content:"\\2713";color:var(--passed)}ol.steps li.f::before{content:"\\2717";color:var(--failed)}
ol.steps li.k{color:var(--skipped)}ol.steps li.k::before{content:"\\2013"}
ol.steps b{color:#6639ba;font-weight:600;margin-right:4px}
.why{margin:4px 0;padding:4px 8px;background:var(--soft);border-radius:4px;font-size:13px;white-space:pre-wrap}
.fd{border-left:3px solid var(--failed);margin:8px 0;padding:2px 0 2px 10px}
.s-warning .fd{border-left-color:var(--warning)}.fd.st-pre-existing{border-left-color:var(--known)}
.fd.st-fixed{border-left-color:var(--fixed);opacity:.85}
.st{display:inline-block;font-size:10.5px;font-weight:700;text-transform:uppercase;border-radius:4px;padding:0 5px;
margin-right:6px;color:#fff;background:var(--failed)}.st.st-pre-existing{background:var(--known)}
.st.st-fixed{background:var(--fixed)}
.whysel{margin:4px 0 8px;font-size:13px;color:var(--muted)}.whysel b{color:var(--fg)}
.box.change{border-color:#54aeff;background:#f6fbff}.box.change h2{margin:0 0 6px}
.box.change h3{margin:10px 0 4px}.box.change ul{margin:2px 0}
.runlevel{margin:14px 0}.s-waived .fd{border-left-color:var(--waived)}
.fd .loc{font-weight:600}
.fd .msg{margin:2px 0;white-space:pre-wrap}
pre.ex{margin:4px 0;background:var(--soft);border:1px solid #eaeef2;border-radius:6px;padding:6px 0;overflow-x:auto;
line-height:1.5}
pre.ex span{display:block;padding:0 10px;white-space:pre}
pre.ex span.hl{background:#fff1b8;box-shadow:inset 3px 0 var(--warning)}
pre.ex i{display:inline-block;min-width:4.5em;color:var(--skipped);font-style:normal;user-select:none;text-align:right;
padding-right:12px}
.fix{margin:4px 0}.fix b,.rule b{display:inline-block;font-size:11px;text-transform:uppercase;color:#fff;
background:var(--passed);border-radius:4px;padding:0 5px;margin-right:6px}
.rule b{background:#57606a}.rule{margin:2px 0;color:var(--muted);font-size:13px}
.extra{font-size:12px;color:var(--muted);margin:2px 0}
.fleet-wrap{overflow:auto;max-height:80vh;border:1px solid var(--line);border-radius:8px}
table.fleet{border-collapse:separate;border-spacing:0;font-size:12.5px;width:100%}
table.fleet th{position:sticky;top:0;background:var(--soft);z-index:2;border-bottom:1px solid var(--line);
padding:4px 6px;font-size:11.5px;white-space:nowrap;cursor:pointer;user-select:none}
table.fleet th.grp0{border-left:2px solid var(--line)}
table.fleet th.rot{vertical-align:bottom;padding:6px 2px;text-align:center}
table.fleet th.rot span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block;max-height:110px;
overflow:hidden;text-overflow:ellipsis}
table.fleet td{min-width:30px}
table.fleet th[aria-sort=ascending]::after{content:" \\25B2"}
table.fleet th[aria-sort=descending]::after{content:" \\25BC"}
table.fleet td{padding:2px 6px;border-bottom:1px solid #eaeef2;text-align:center;white-space:nowrap}
table.fleet td:first-child,table.fleet th:first-child{position:sticky;left:0;background:#fff;text-align:left;z-index:1}
table.fleet th:first-child{z-index:3;background:var(--soft)}
table.fleet tr:hover td{background:#f6f8fa}
table.fleet td.grp0{border-left:2px solid var(--line)}
.fc{display:inline-block;width:22px;border-radius:3px;color:#fff;font-weight:700;font-size:11px;text-align:center}
.fc.implemented{background:var(--implemented)}.fc.flawed{background:var(--flawed)}
.fc.default{background:var(--default)}
.fc.stub{background:var(--stub)}.fc.missing{background:var(--missing)}.fc.off{opacity:.3}
.gc{font-weight:700}.gc.s-failed{color:var(--failed)}.gc.s-error{color:var(--error)}.gc.s-warning{color:var(--warning)}
.gc.s-passed{color:var(--passed)}.gc.s-skipped,.gc.s-waived{color:var(--skipped)}
.n-failed{color:var(--failed);font-weight:700}.n-warning{color:var(--warning);font-weight:700}
.n-error{color:var(--error);font-weight:700}.zero{color:#c8d1da}
footer{color:var(--muted);font-size:12px;margin:20px 0 40px}
[hidden]{display:none!important}
[id]{scroll-margin-top:130px}
@media print{header.top{position:static}}
"""

JS = """
(function () {
  var d = document, body = d.body;
  body.classList.add('js');
  var filters = d.getElementById('filters');
  if (filters) { filters.hidden = false; }
  var chips = [].slice.call(d.querySelectorAll('header .chip[data-s]'));
  var tagSel = d.getElementById('tagf');
  var scenarios = [].slice.call(d.querySelectorAll('.scn'));
  var sections = [].slice.call(d.querySelectorAll('.sec'));
  var connectors = [].slice.call(d.querySelectorAll('details.conn'));
  var shown = d.getElementById('shown');
  // a fleet view's line of quiet scenarios stands for data-n of them
  function count(s) { return s.dataset.n ? +s.dataset.n : 1; }
  var total = scenarios.reduce(function (sum, s) { return sum + count(s); }, 0);

  function pressed() {
    var on = {};
    chips.forEach(function (c) { if (c.getAttribute('aria-pressed') !== 'false') { on[c.dataset.s] = true; } });
    return on;
  }
  function apply() {
    var on = pressed(), tag = tagSel ? tagSel.value : '', n = 0;
    scenarios.forEach(function (s) {
      var ok = on[s.dataset.s] && (!tag || (' ' + s.dataset.t + ' ').indexOf(' ' + tag + ' ') >= 0);
      s.hidden = !ok;
      if (ok) { n += count(s); }
    });
    sections.forEach(function (x) { x.hidden = !x.querySelector('.scn:not([hidden])'); });
    connectors.forEach(function (x) {
      x.hidden = !!x.querySelector('.scn') && !x.querySelector('.scn:not([hidden])');
    });
    if (shown) { shown.textContent = 'showing ' + n + ' of ' + total + ' scenarios'; }
  }
  function only(statuses) {
    chips.forEach(function (c) {
      c.setAttribute('aria-pressed', statuses.indexOf(c.dataset.s) >= 0 ? 'true' : 'false');
    });
    apply();
  }
  chips.forEach(function (c) {
    c.setAttribute('aria-pressed', 'true');
    c.title = 'click: show/hide ' + c.dataset.s + ' scenarios; shift-click: only these';
    c.addEventListener('click', function (ev) {
      if (ev.shiftKey) { only([c.dataset.s]); return; }
      c.setAttribute('aria-pressed', c.getAttribute('aria-pressed') === 'false' ? 'true' : 'false');
      apply();
    });
  });
  if (tagSel) { tagSel.addEventListener('change', apply); }
  function on(id, fn) { var el = d.getElementById(id); if (el) { el.addEventListener('click', fn); } }
  on('problems', function () { only(['failed', 'error', 'warning']); });
  on('showall', function () {
    if (tagSel) { tagSel.value = ''; }
    only(chips.map(function (c) { return c.dataset.s; }));
  });
  on('expand', function () { connectors.forEach(function (x) { x.open = true; }); });
  on('collapse', function () { connectors.forEach(function (x) { x.open = false; }); });
  d.addEventListener('click', function (ev) {
    var t = ev.target;
    if (t && t.classList && t.classList.contains('tag') && tagSel) {
      ev.preventDefault();
      tagSel.value = t.textContent.replace(/^@/, '');
      apply();
    }
  });

  var table = d.getElementById('fleet');
  if (table) {
    var heads = [].slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, i) {
      th.title = (th.title ? th.title + ' - ' : '') + 'click to sort';
      th.addEventListener('click', function () {
        var current = th.getAttribute('aria-sort');
        var dir = current ? (current === 'descending' ? 1 : -1) : (th.dataset.first === 'asc' ? 1 : -1);
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        var tbody = table.tBodies[0];
        var rows = [].slice.call(tbody.rows);
        rows.sort(function (r1, r2) {
          var a = r1.cells[i].dataset.v || '', b = r2.cells[i].dataset.v || '';
          var x = parseFloat(a), y = parseFloat(b);
          var c = (!isNaN(x) && !isNaN(y)) ? x - y : a.localeCompare(b);
          return c * dir || (+r1.dataset.i) - (+r2.dataset.i);
        });
        rows.forEach(function (r) { tbody.appendChild(r); });
      });
    });
  }

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && d.getElementById(id);
    if (!el) { return; }
    for (var p = el; p; p = p.parentElement) { if (p.tagName === 'DETAILS') { p.open = true; } }
    el.scrollIntoView();
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  apply();
}());
"""
