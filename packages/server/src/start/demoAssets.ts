/**
 * The demo page `zhizhi start` serves at `/`: static HTML, one stylesheet and one script, all
 * same-origin (CSP `default-src 'self'`, no inline script or style). The script renders every
 * string from the server with `textContent`, never as HTML.
 */

/** The Content-Security-Policy of the demo page and its files. */
export const DEMO_CSP =
  "default-src 'self'; img-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

export const demoHtml = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>智治 zhizhi — 演示 demo</title>
<link rel="stylesheet" href="/demo.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<script type="module" src="/demo.js"></script>
</head>
<body>
<header>
  <h1>智治 zhizhi</h1>
  <p>演示服务器：以任一成员身份查看事件和实时变更。Demo server: see the cases and live changes as any member.</p>
  <nav><!--pages--><a href="/api/docs">API 文档 / API docs</a> · <a href="/api/openapi.json">OpenAPI 3.1 JSON</a></nav>
</header>
<main>
  <section>
    <h2>成员 Member</h2>
    <label for="member">以此成员身份 / Act as</label>
    <select id="member"></select>
    <button id="use" type="button">获取令牌 / Get a token</button>
    <p id="who" class="muted"></p>
  </section>
  <section>
    <h2>上报 Report</h2>
    <input id="title" maxlength="200" value="河道有漂浮垃圾 / Litter floating on the river">
    <button id="report" type="button" disabled>上报 / Report</button>
    <button id="sim" type="button" disabled>模拟传感器 / Simulate sensors</button>
    <p id="note" class="muted"></p>
  </section>
  <section>
    <h2>事件 Cases <button id="reload" type="button" disabled>刷新 / Reload</button></h2>
    <table><thead><tr><th>id</th><th>状态 status</th><th>标题 title</th><th>网格 grid</th></tr></thead>
    <tbody id="cases"></tbody></table>
  </section>
  <section>
    <h2>实时变更 Live changes <span id="live" class="muted"></span></h2>
    <ol id="changes" reversed></ol>
  </section>
</main>
</body>
</html>
`;

export const demoCss = `body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1d2329}
header{border-bottom:1px solid #d0d7de;margin-bottom:1rem}h1{margin:.2rem 0}h2{font-size:1.1rem}
section{margin-bottom:1.5rem}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eaeef2;padding:.25rem .5rem;text-align:left;font-size:.9rem}
input{width:24rem;max-width:100%}.muted{color:#57606a}.err{color:#b42318}ol{font-family:ui-monospace,monospace;font-size:.85rem}
`;

export const demoJs = `// zhizhi demo page: every string from the server goes through textContent.
const $ = (id) => document.getElementById(id);
let token = null;
let me = null;
let stream = null;
const units = new Map();

function text(el, value, cls) {
  el.textContent = String(value ?? '');
  el.className = cls || (el.id === 'who' || el.id === 'note' ? 'muted' : '');
}

async function api(path, init = {}) {
  const headers = { ...(init.headers || {}) };
  if (token) headers.Authorization = 'Bearer ' + token;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { ...init, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const m = body && body.message ? body.message.zh + ' / ' + body.message.en : res.status + ' ' + res.statusText;
    throw new Error(m);
  }
  return body;
}

async function loadMembers() {
  const { members } = await api('/api/demo/members');
  const select = $('member');
  for (const m of members) {
    units.set(m.id, m.unitId);
    const option = document.createElement('option');
    option.value = m.id;
    option.textContent = m.id + ' (' + m.role + ')';
    select.append(option);
  }
  const pick = members.find((m) => m.id.endsWith('-duty')) || members[0];
  if (pick) select.value = pick.id;
}

async function loadCases() {
  const { items } = await api('/api/cases?limit=50');
  const body = $('cases');
  body.replaceChildren();
  for (const c of items) {
    const tr = document.createElement('tr');
    for (const v of [c.id, c.status, c.context && c.context.title, c.context && c.context.gridId]) {
      const td = document.createElement('td');
      td.textContent = String(v ?? '');
      tr.append(td);
    }
    body.append(tr);
  }
  if (items.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 4;
    td.textContent = '（没有可见的事件 / no cases visible to this member）';
    tr.append(td);
    body.append(tr);
  }
}

let reloadTimer = null;
function reloadSoon() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => loadCases().catch(showError), 300);
}

function addChange(change) {
  const li = document.createElement('li');
  li.textContent = '#' + change.seq + ' ' + change.kind + ' ' + change.instanceId + ' ' + ((change.entry && change.entry.event) || '') + ' → ' + (change.status ?? '') + ' (v' + (change.version ?? '') + ')';
  const list = $('changes');
  list.prepend(li);
  while (list.children.length > 50) list.lastChild.remove();
}

// EventSource cannot send an Authorization header: read the SSE stream with fetch.
async function follow() {
  if (stream) stream.abort();
  const mine = new AbortController();
  stream = mine;
  let lastId = null;
  while (!mine.signal.aborted) {
    try {
      const headers = { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const res = await fetch('/api/stream', { headers, signal: mine.signal });
      if (!res.ok || !res.body) throw new Error(String(res.status));
      text($('live'), '● 已连接 / connected');
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\\n\\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\\n')) {
            if (line.startsWith('id: ')) lastId = line.slice(4);
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (event === 'change' && data) {
            addChange(JSON.parse(data));
            reloadSoon();
          }
        }
      }
    } catch (e) {
      if (mine.signal.aborted) return;
    }
    text($('live'), '○ 重新连接中 / reconnecting…');
    await new Promise((r) => setTimeout(r, 2000));
  }
}

function showError(e) {
  text($('note'), e instanceof Error ? e.message : String(e), 'err');
}

async function useMember() {
  const memberId = $('member').value;
  token = null;
  const out = await api('/api/demo/token', { method: 'POST', body: { memberId } });
  token = out.token;
  me = out.member;
  text($('who'), '当前 / now: ' + me.id + ' (' + me.role + ')');
  for (const id of ['report', 'sim', 'reload']) $(id).disabled = false;
  $('changes').replaceChildren();
  await loadCases();
  await simState();
  follow();
}

async function simState(on) {
  const s = await api('/api/demo/simulator', on === undefined ? {} : { method: 'POST', body: { on } });
  $('sim').dataset.on = s.on ? '1' : '';
  $('sim').textContent = s.on ? '停止模拟传感器 / Stop simulated sensors' : '模拟传感器 / Simulate sensors';
}

async function report() {
  const out = await api('/api/cases', {
    method: 'POST',
    body: { gridId: units.get(me.id), category: 'riverPollution', severity: 'medium', title: $('title').value },
  });
  text($('note'), '已上报 / reported: ' + out.record.id);
}

$('use').addEventListener('click', () => useMember().catch(showError));
$('reload').addEventListener('click', () => loadCases().catch(showError));
$('report').addEventListener('click', () => report().catch(showError));
$('sim').addEventListener('click', () => simState(!$('sim').dataset.on).catch(showError));
loadMembers().catch(showError);
`;

/** The demo's icon (a file, since the CSP allows no `data:` images). */
export const demoFavicon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#b71c1c"/><text x="8" y="12" font-size="10" text-anchor="middle" fill="#fff">治</text></svg>';
