const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

interface Spec {
  info?: { title?: string; description?: string; version?: string };
  paths?: Record<
    string,
    Record<string, { summary?: string; description?: string; tags?: string[] }>
  >;
}

/**
 * A minimal API reference rendered from the OpenAPI document: static HTML, no script, no
 * style sheet, no external resource (it works under `default-src 'none'`).
 */
export function docsPage(spec: Spec): string {
  const rows: string[] = [];
  for (const [path, ops] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      rows.push(
        `<tr><td><code>${esc(method.toUpperCase())}</code></td><td><code>${esc(path)}</code></td><td>${esc(op.summary)}${
          op.description ? `<br><small>${esc(op.description)}</small>` : ''
        }</td></tr>`,
      );
    }
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(spec.info?.title)}</title></head>
<body><h1>${esc(spec.info?.title)} <small>${esc(spec.info?.version)}</small></h1>
<p>${esc(spec.info?.description)}</p>
<p>OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a></p>
<table border="1" cellpadding="4"><thead><tr><th>method</th><th>path</th><th>what</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></body></html>
`;
}
