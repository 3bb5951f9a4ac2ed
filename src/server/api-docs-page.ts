/**
 * The browsable API reference at /api/docs: a small HTML page and a script (served from this server,
 * no inline script, no network beyond this server) that reads /api/v1/openapi.json and lays out every
 * route with its parameters, body schema and answers, and a form to try a route.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Comity API reference</title>
<link rel="stylesheet" href="/api/docs/docs.css">
<script type="module" src="/api/docs/docs.js"></script>
</head>
<body>
<header><h1>Comity API reference</h1>
<p>Generated from <a href="/api/v1/openapi.json">the OpenAPI 3.1 document</a>, which is generated from the same schemas that check every request.
Comity gives information about the law, not legal advice.</p></header>
<nav id="toc" aria-label="Routes"></nav>
<main id="routes"><p>Loading the OpenAPI document…</p></main>
</body>
</html>
`;

export const DOCS_CSS = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --line: #ccc; --accent: #0b5cad; --code: #f3f3f3; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #161616; --muted: #aaa; --line: #444; --accent: #7db7ff; --code: #222; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 60rem; padding: 1rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
nav ul { list-style: none; padding: 0; columns: 2 18rem; }
section.route { border-top: 1px solid var(--line); padding: .5rem 0 1rem; }
.method { font-weight: 700; text-transform: uppercase; margin-right: .5rem; }
code, pre, textarea, input { font-family: ui-monospace, monospace; font-size: .9rem; }
pre { background: var(--code); padding: .5rem; overflow: auto; max-height: 24rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .25rem .5rem; vertical-align: top; }
.muted { color: var(--muted); }
form.try { display: grid; gap: .5rem; margin-top: .5rem; }
form.try label { display: grid; gap: .2rem; }
textarea { min-height: 10rem; width: 100%; }
button { font: inherit; padding: .3rem .8rem; }
`;

export const DOCS_JS = `// The API reference: built with DOM calls only (text is never parsed as HTML).
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return e;
};
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const typeOf = (s) => !s ? '' : s.enum ? s.enum.join(' | ') : s.pattern ? s.type + ' /' + s.pattern + '/' : (s.type ?? (s.$ref ? s.$ref.split('/').pop() : 'any'));

function exampleFor(doc, ref) {
  if (ref === 'DecisionRequest') return { jurisdiction: 'Mecklenburg County, NC', agency: { kind: 'sheriff_jail' }, at: '2025-03-10T09:00:00-05:00', requests: ['HOLD', 'NOTIFY_RELEASE'], documents: ['I-247A', 'I-200'], wouldBeReleasedAt: '2025-03-10T17:00:00-05:00' };
  if (ref === 'Scenario') return { name: 'One month, one replication', from: '2018-01-01', to: '2018-01-31', replications: 1 };
  return {};
}

function tryForm(doc, path, method, op) {
  const form = el('form', { class: 'try' });
  const inputs = [];
  for (const p of op.parameters ?? []) {
    const id = 'p-' + slug(method + path + p.name + p.in);
    const input = el('input', { id, name: p.name, placeholder: p.example ?? (p.schema?.default !== undefined ? String(p.schema.default) : '') });
    inputs.push([p, input]);
    form.append(el('label', { for: id }, p.name + (p.required ? ' (required)' : '') + ' — ' + p.in, input));
  }
  let body;
  const ref = op.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop();
  if (op.requestBody) {
    const id = 'b-' + slug(method + path);
    body = el('textarea', { id });
    body.value = JSON.stringify(exampleFor(doc, ref), null, 2);
    form.append(el('label', { for: id }, 'body (application/json)', body));
  }
  const out = el('pre', { 'aria-live': 'polite' });
  form.append(el('button', { type: 'submit' }, 'Send ' + method.toUpperCase() + ' ' + path), out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    let url = path;
    const query = new URLSearchParams();
    for (const [p, input] of inputs) {
      if (!input.value) continue;
      if (p.in === 'path') url = url.replace('{' + p.name + '}', encodeURIComponent(input.value));
      else query.set(p.name, input.value);
    }
    const q = query.toString();
    out.textContent = '…';
    try {
      const res = await fetch(url + (q ? '?' + q : ''), { method: method.toUpperCase(), ...(body ? { body: body.value, headers: { 'content-type': 'application/json' } } : {}) });
      const text = await res.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON */ }
      out.textContent = res.status + ' ' + res.statusText + ' (' + (res.headers.get('content-type') ?? '') + ')\\n\\n' + shown.slice(0, 200000);
    } catch (e) {
      out.textContent = 'The request failed: ' + e.message;
    }
  });
  return el('details', {}, el('summary', {}, 'Try it'), form);
}

function routeSection(doc, path, method, op) {
  const id = slug(method + '-' + path);
  const s = el('section', { class: 'route', id });
  s.append(el('h3', {}, el('span', { class: 'method' }, method), el('code', {}, path)));
  s.append(el('p', {}, op.summary ?? ''));
  if (op.description) s.append(el('p', { class: 'muted' }, op.description));
  if (op.parameters?.length) {
    const t = el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'parameter'), el('th', {}, 'in'), el('th', {}, 'type'), el('th', {}, 'description'))));
    const tb = el('tbody');
    for (const p of op.parameters) tb.append(el('tr', {}, el('td', {}, el('code', {}, p.name), p.required ? ' (required)' : ''), el('td', {}, p.in), el('td', {}, el('code', {}, typeOf(p.schema))), el('td', {}, p.description ?? p.schema?.description ?? '')));
    t.append(tb);
    s.append(t);
  }
  const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
  if (ref) {
    const name = ref.split('/').pop();
    s.append(el('details', {}, el('summary', {}, 'Body: ' + name + ' (JSON Schema)'), el('pre', {}, JSON.stringify(doc.components.schemas[name], null, 2))));
  }
  const rl = el('ul');
  for (const [code, r] of Object.entries(op.responses ?? {})) rl.append(el('li', {}, el('strong', {}, code), ' ', r.description ?? '', r.content ? ' (' + Object.keys(r.content).join(', ') + ')' : ''));
  s.append(el('p', {}, 'Answers:'), rl);
  s.append(tryForm(doc, path, method, op));
  return [id, s];
}

async function main() {
  const main = document.getElementById('routes');
  const toc = document.getElementById('toc');
  let doc;
  try {
    doc = await (await fetch('/api/v1/openapi.json')).json();
  } catch (e) {
    main.textContent = 'The OpenAPI document could not be read: ' + e.message;
    return;
  }
  main.textContent = '';
  const byTag = new Map();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push([path, method, op]);
    }
  }
  const list = el('ul');
  for (const [tag, ops] of byTag) {
    main.append(el('h2', { id: 'tag-' + slug(tag) }, tag));
    for (const [path, method, op] of ops) {
      const [id, section] = routeSection(doc, path, method, op);
      main.append(section);
      list.append(el('li', {}, el('a', { href: '#' + id }, method.toUpperCase() + ' ' + path)));
    }
  }
  toc.append(el('h2', {}, 'Routes'), list);
}
main();
`;
