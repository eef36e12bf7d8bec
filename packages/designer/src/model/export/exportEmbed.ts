import type { Directory } from '@zhizhi/core';
import { checkDraft, type DraftCheck } from '../check/checkDraft.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';

/**
 * How {@link exportEmbed} writes the snippet: the element's `tag`, where the page loads the
 * widgets' classic script (`widgetsUrl`, dist/zhizhi-widgets.js) and the scenario script
 * (`scenarioUrl`, dist/zhizhi-scenario.js; default: beside `widgetsUrl`), the URL the generated
 * script is served at (`scriptUrl`, default `<tag>.js`), the provider's attributes and the
 * element's own (the grid it starts instances on, the viewer's role, whether it deploys its
 * document when the client lacks it).
 *
 * @example
 * ```ts
 * import type { EmbedOptions } from '@zhizhi/designer/model';
 * const o: EmbedOptions = { tag: 'zz-elderly-health', widgetsUrl: '/widgets/zhizhi-widgets.js' };
 * ```
 */
export interface EmbedOptions {
  tag: string;
  widgetsUrl: string;
  scenarioUrl?: string;
  scriptUrl?: string;
  provider?: { api?: string; member?: string; lang?: string };
  element?: { grid?: string; viewerRole?: string; deploy?: boolean };
  /** The org directory the checker checks posts, departments and grids against. */
  org?: Directory;
}

/**
 * What {@link exportEmbed} gives: the HTML snippet and the classic script's text (to serve at
 * `scriptUrl`) — or why it refused: the checker's errors, or an option that breaks a rule.
 *
 * @example
 * ```ts
 * import type { EmbedExport } from '@zhizhi/designer/model';
 * const text = (r: EmbedExport) => (r.ok ? r.html : r.reason);
 * ```
 */
export type EmbedExport =
  | { ok: true; html: string; script: string; scriptUrl: string }
  | { ok: false; reason: 'check'; check: DraftCheck }
  | {
      ok: false;
      reason: 'option';
      path: string;
      rule: string;
      message: { zh: string; en: string };
    };

/** A custom element name we write: lowercase letters and digits in dash-joined words. */
const TAG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
/** A URL a script may come from: a path, or http(s) — no other scheme, no spaces or quotes. */
const scriptUrlOk = (url: string): boolean =>
  url.length > 0 &&
  url.length <= 2000 &&
  !/[\s"'<>`\\]/.test(url) &&
  (!/^[a-z][a-z0-9+.-]*:/i.test(url) || /^https?:\/\//i.test(url));

/**
 * The designer's embed export: a classic script that registers the scenario as a named element
 * (`ZhizhiWidgets.defineScenarioElement(tag, <the document as a JSON literal>)`) and the HTML
 * snippet that loads the widgets, the scenario script and it, and places the element in a
 * `zz-provider` — no inline script, so it works under `script-src 'self'`. The JSON literal
 * escapes `<`, `>`, `&`, U+2028 and U+2029, so no `</script>` or line separator in a label
 * can end or break it. Refused while the checker reports errors, and for an option that breaks
 * a rule (named by path and rule). Never throws.
 *
 * @example
 * ```ts
 * import { exportEmbed } from '@zhizhi/designer/model';
 * const r = exportEmbed(draft.doc, { tag: 'zz-elderly-health', widgetsUrl: '/widgets/zhizhi-widgets.js' });
 * if (r.ok) { save('zz-elderly-health.js', r.script); copy(r.html); }
 * ```
 */
export function exportEmbed(doc: ScenarioDraft, options: EmbedOptions): EmbedExport {
  if (!TAG.test(options.tag) || options.tag.length > 100)
    return refuse('tag', 'customElementName', {
      zh: '元素名须为小写字母和数字、以连字符连接的两段以上（如 zz-elderly-health）',
      en: 'an element name: lowercase letters and digits in two or more dash-joined words (e.g. zz-elderly-health)',
    });
  const scriptUrl = options.scriptUrl ?? `${options.tag}.js`;
  const scenarioUrl =
    options.scenarioUrl ?? options.widgetsUrl.replace(/[^/?#]*(?:[?#].*)?$/, 'zhizhi-scenario.js');
  for (const [path, url] of [
    ['widgetsUrl', options.widgetsUrl],
    ['scenarioUrl', scenarioUrl],
    ['scriptUrl', scriptUrl],
  ] as const) {
    if (!scriptUrlOk(url))
      return refuse(path, 'scriptUrl', {
        zh: '脚本地址须为路径或 http(s) 地址，且不含空白和引号',
        en: 'a script URL: a path or an http(s) URL, without spaces or quotes',
      });
  }
  const check = checkDraft(doc, options.org);
  if (!check.exportable) return { ok: false, reason: 'check', check };
  const literal = scriptJson(doc);
  const script = `// ${options.tag}: ${doc.id}@${doc.version}, exported by the zhizhi designer (@zhizhi/designer).
// Load after zhizhi-widgets.js and zhizhi-scenario.js. 须在 zhizhi-widgets.js 与 zhizhi-scenario.js 之后加载。
ZhizhiWidgets.defineScenarioElement(${JSON.stringify(options.tag)}, ${literal});
`;
  const p = options.provider ?? {};
  const e = options.element ?? {};
  const providerAttrs = attrs([
    ['api', p.api],
    ['member', p.member],
    ['lang', p.lang],
  ]);
  const elementAttrs = attrs([
    ['grid', e.grid],
    ['viewer-role', e.viewerRole],
    ['deploy', e.deploy ? '' : undefined],
  ]);
  const html = `<script src="${escapeAttr(options.widgetsUrl)}"></script>
<script src="${escapeAttr(scenarioUrl)}"></script>
<script src="${escapeAttr(scriptUrl)}"></script>
<zz-provider${providerAttrs}>
  <${options.tag}${elementAttrs}></${options.tag}>
</zz-provider>
`;
  return { ok: true, html, script, scriptUrl };
}

/** The document as a JSON literal that is safe anywhere in a script (and in HTML around it). */
function scriptJson(doc: unknown): string {
  return JSON.stringify(doc, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function attrs(list: [string, string | undefined][]): string {
  return list
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`))
    .join('');
}

function escapeAttr(v: string): string {
  return v.replace(
    /[&"<>]/g,
    (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] as string,
  );
}

function refuse(path: string, rule: string, message: { zh: string; en: string }): EmbedExport {
  return { ok: false, reason: 'option', path, rule, message };
}
