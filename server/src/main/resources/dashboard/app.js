// Shared by every dashboard page: navigation, API calls, number formats and chart set-up (ECharts).
const PAGES = [
  ['index.html', 'Fleet'], ['workload.html', 'Workload'], ['whatif.html', 'What-if'], ['models.html', 'Models & accuracy'],
  ['feedback.html', 'Feedback'], ['recommendations.html', 'Recommendations'], ['experiments.html', 'A/B tests'],
];

function nav() {
  const here = location.pathname.split('/').pop() || 'index.html';
  const links = PAGES.map(([href, label]) => `<a href="${href}" class="${href === here ? 'here' : ''}">${label}</a>`).join('');
  const token = localStorage.getItem('prescient-token') || '';
  document.body.insertAdjacentHTML('afterbegin', `<header><span class="brand">Prescient</span>${links}
    <span class="token">API token <input id="token" type="password" value="${token}" placeholder="for what-if and decisions"></span></header>`);
  document.getElementById('token').addEventListener('change', e => localStorage.setItem('prescient-token', e.target.value));
}

async function api(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

async function post(path, payload) {
  const r = await fetch(path, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Authorization': 'Bearer ' + document.getElementById('token').value},
    body: JSON.stringify(payload),
  });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function fmt(v, digits = 1) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1e6) return (v / 1e6).toFixed(2) + 'M';
  if (a >= 1e4) return (v / 1e3).toFixed(1) + 'k';
  return v.toFixed(digits);
}

function money(v, currency) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return fmt(v, 2) + ' ' + esc(currency || '');
}
// A workload's recent cost against a reactive rule: money where a unit price is configured, else unit-hours.
function costLine(c) {
  if (!c || !c.window_hours) return '–';
  const priced = c.unit_price !== null && !Number.isNaN(c.unit_price);
  const ours = priced ? money(c.window, c.currency) : fmt(c.unit_hours, 1) + ' unit-h';
  const theirs = priced ? money(c.reactive_window, c.currency) : fmt(c.reactive_unit_hours, 1) + ' unit-h';
  return `${ours} vs ${theirs} reactive`;
}
// A search box for a workload, not a list of every one (a fleet may hold thousands): the names that match are
// fetched from /api/fleet as the user types, into the datalist #names; onMatch(name) when the text is a workload's name.
function workloadSearch(input, onMatch) {
  let typing;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(async () => {
      const page = await api('/api/fleet?sort=name&order=asc&limit=20&q=' + encodeURIComponent(input.value));
      document.getElementById('names').innerHTML = page.workloads.map(w => `<option value="${esc(w.name)}">`).join('');
      if (onMatch && page.workloads.some(w => w.name === input.value)) onMatch(input.value);
    }, 150);
  });
}
function pct(v) { return v === null || v === undefined ? '–' : (100 * v).toFixed(1) + '%'; }
function time(t) { return new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 16); }
function esc(s) { return String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c])); }

const charts = {};
function chart(id, option) {
  const el = document.getElementById(id);
  const c = charts[id] || (charts[id] = echarts.init(el));
  // a legend symbol takes the series' item colour: give it the colour its line or band is drawn in
  (option.series || []).forEach(s => {
    const drawn = (s.lineStyle && s.lineStyle.color) || (s.areaStyle && s.areaStyle.color);
    if (drawn && !(s.itemStyle && s.itemStyle.color)) s.itemStyle = Object.assign({}, s.itemStyle, {color: drawn});
  });
  if (option.legend && !option.legend.data && option.series) {
    option.legend.data = option.series.map(s => s.name).filter(n => n && !n.endsWith(' base'));
  }
  c.setOption(Object.assign({animation: false, tooltip: {trigger: 'axis'}, grid: {left: 70, right: 30, top: 40, bottom: 50}}, option), true);
  el.dataset.ready = 'true';
  return c;
}
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));

function fail(e) {
  const box = document.getElementById('error');
  if (box) box.textContent = e.message;
}

// A pair of series drawing the band between lower and upper as a filled area (stacked: lower invisible, then the width).
function band(name, times, lower, upper, color) {
  const base = times.map((t, i) => [t * 1000, lower[i]]);
  const width = times.map((t, i) => [t * 1000, upper[i] === null || lower[i] === null ? null : upper[i] - lower[i]]);
  return [
    {name: name + ' base', type: 'line', data: base, stack: name, symbol: 'none', lineStyle: {opacity: 0}, tooltip: {show: false}},
    {name, type: 'line', data: width, stack: name, symbol: 'none', lineStyle: {opacity: 0}, areaStyle: {color, opacity: 0.35}},
  ];
}
nav();
