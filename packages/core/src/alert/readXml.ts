import { type Diagnostic, makeDiagnostic } from '../diagnostics/Diagnostic.js';
import { type AlertDiagnosticCode, alertCatalog } from './alertCatalog.js';
import { firstNonXmlChar } from './escapeXml.js';

/**
 * One element read by {@link readXml}: its local name, prefix and namespace URI, its
 * attributes by qualified name (namespace declarations included), its child elements, its
 * character data (text and CDATA, entities decoded) and its path for diagnostics.
 *
 * @example
 * ```ts
 * import type { XmlElement } from '@zhizhi/core/alert';
 * const textOf = (e: XmlElement, name: string) => e.children.find((c) => c.name === name)?.text;
 * ```
 */
export interface XmlElement {
  name: string;
  prefix: string;
  ns: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  path: (string | number)[];
}

/**
 * Limits of {@link readXml}; input beyond them is refused with a diagnostic.
 *
 * @example
 * ```ts
 * import type { XmlLimits } from '@zhizhi/core/alert';
 * const strict: XmlLimits = { maxLength: 64 * 1024, maxDepth: 8 };
 * ```
 */
export interface XmlLimits {
  /** Characters (UTF-16 code units); default 262,144. */
  maxLength?: number;
  /** Element nesting; default 32. */
  maxDepth?: number;
  /** Elements in all; default 10,000. */
  maxElements?: number;
  /** Attributes on one element; default 32. */
  maxAttributes?: number;
}

/** @internal Renders a diagnostic path as `alert.info[0].severity`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(document)';
}

const NAME =
  /[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?/y;
const SPACE = /[ \t\n]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

class XmlFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

/**
 * A small, safe XML reader for core (no DOM): elements, attributes, namespaces, text, the
 * five predefined entities, decimal and hexadecimal character references, CDATA and
 * comments. It refuses, each with a diagnostic naming the path: DOCTYPE and ENTITY
 * declarations (no XXE, no entity expansion bombs), processing instructions other than the
 * leading XML declaration, characters XML 1.0 forbids, unknown entities, malformed markup,
 * and input over the {@link XmlLimits}. `repeated` names the elements whose paths carry a
 * sibling index (`info[0]`). Iterative, so deep input cannot overflow the stack; never throws.
 *
 * @example
 * ```ts
 * import { readXml } from '@zhizhi/core/alert';
 * const r = readXml('<a x="1"><b>&lt;hi&gt;</b></a>');
 * if (r.ok) r.root.children[0]?.text; // '<hi>'
 * readXml('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>').ok; // false
 * ```
 */
export function readXml(
  input: string,
  options: (XmlLimits & { repeated?: ReadonlySet<string> }) | null = {},
): { ok: true; root: XmlElement } | { ok: false; diagnostics: Diagnostic[] } {
  if (typeof input !== 'string') {
    const why = { why: 'the input is not a string', path: '(document)' };
    return { ok: false, diagnostics: [makeDiagnostic(alertCatalog, 'xml.malformed', [], why)] };
  }
  try {
    return { ok: true, root: parse(input, options ?? {}) };
  } catch (e) {
    // Only our own failures are caught: anything else is a bug and must surface.
    if (e instanceof XmlFailure) return { ok: false, diagnostics: [e.diagnostic] };
    throw e;
  }
}

function parse(input: string, options: XmlLimits & { repeated?: ReadonlySet<string> }): XmlElement {
  const maxLength = options.maxLength ?? 262_144;
  const maxDepth = options.maxDepth ?? 32;
  const maxElements = options.maxElements ?? 10_000;
  const maxAttributes = options.maxAttributes ?? 32;
  const repeated = options.repeated ?? new Set<string>();
  const stack: {
    el: XmlElement;
    qname: string;
    scope: Map<string, string>;
    counts: Map<string, number>;
  }[] = [];
  let root: XmlElement | null = null;
  let elements = 0;

  const here = () => (stack.length > 0 ? (stack[stack.length - 1]?.el.path ?? []) : []);
  const fail = (
    code: AlertDiagnosticCode,
    params: Record<string, string | number> = {},
    path = here(),
  ): never => {
    throw new XmlFailure(
      makeDiagnostic(alertCatalog, code, path, { path: formatPath(path), ...params }),
    );
  };
  const malformed = (why: string, path = here()): never => fail('xml.malformed', { why }, path);

  if (typeof input !== 'string') malformed('input is not a string');
  if (input.length > maxLength) fail('xml.tooLarge', { length: input.length, max: maxLength });
  let xml = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (xml.includes('\r')) xml = xml.replace(/\r\n?/g, '\n');
  if (firstNonXmlChar(xml) !== -1) malformed('a character XML 1.0 does not allow');

  function decode(raw: string): string {
    if (!raw.includes('&')) return raw;
    let out = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
      const semi = raw.indexOf(';', amp);
      const name = semi === -1 ? raw.slice(amp + 1, amp + 12) : raw.slice(amp + 1, semi);
      let ch: string | undefined = semi === -1 || name.length > 10 ? undefined : PREDEFINED[name];
      if (ch === undefined && semi !== -1 && /^#(?:[0-9]{1,7}|x[0-9a-fA-F]{1,6})$/.test(name)) {
        const cp = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        if (isXmlChar(cp)) ch = String.fromCodePoint(cp);
      }
      if (ch === undefined) fail('xml.entity', { entity: `&${name.slice(0, 16)};` });
      out += raw.slice(from, amp) + ch;
      from = (semi as number) + 1;
    }
    return out + raw.slice(from);
  }

  function readName(at: number): string {
    NAME.lastIndex = at;
    const m = NAME.exec(xml);
    if (!m) malformed('a name was expected');
    return (m as RegExpExecArray)[0];
  }

  function skipSpace(at: number): number {
    SPACE.lastIndex = at;
    SPACE.exec(xml);
    return SPACE.lastIndex;
  }

  function resolve(prefix: string, scope: Map<string, string>, path: (string | number)[]): string {
    if (prefix === 'xml') return XML_NS;
    const uri = scope.get(prefix);
    if (uri === undefined) {
      if (prefix === '') return '';
      malformed(`the prefix ${prefix} is not declared`, path);
    }
    return uri as string;
  }

  let i = 0;
  if (xml.startsWith('<?xml') && /[\s?]/.test(xml[5] ?? '')) {
    const end = xml.indexOf('?>');
    if (end === -1) malformed('the XML declaration is not closed');
    i = end + 2;
  }
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? n : lt);
    if (text.length > 0) {
      const top = stack[stack.length - 1];
      if (top) top.el.text += decode(text);
      else if (/\S/.test(text)) malformed('text outside the root element');
    }
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) malformed('a comment is not closed');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      const top = stack[stack.length - 1];
      if (!top) malformed('CDATA outside the root element');
      if (end === -1) malformed('a CDATA section is not closed');
      (top as (typeof stack)[number]).el.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      fail('xml.doctype');
    } else if (xml.startsWith('<?', lt)) {
      NAME.lastIndex = lt + 2;
      fail('xml.processingInstruction', { target: (NAME.exec(xml)?.[0] ?? '').slice(0, 32) });
    } else if (xml.startsWith('</', lt)) {
      const name = readName(lt + 2);
      const end = skipSpace(lt + 2 + name.length);
      if (stack[stack.length - 1]?.qname !== name) {
        malformed(`the end tag </${name.slice(0, 32)}> does not match`);
      }
      if (xml[end] !== '>') malformed(`the end tag </${name.slice(0, 32)}> is not closed`);
      stack.pop();
      i = end + 1;
    } else {
      const qname = readName(lt + 1);
      const parent = stack[stack.length - 1];
      if (!parent && root) malformed('a second root element');
      const colon = qname.indexOf(':');
      const local = colon === -1 ? qname : qname.slice(colon + 1);
      const prefix = colon === -1 ? '' : qname.slice(0, colon);
      const counts = parent?.counts;
      const index = counts?.get(local) ?? 0;
      counts?.set(local, index + 1);
      const path = parent
        ? [...parent.el.path, local, ...(repeated.has(local) ? [index] : [])]
        : [local];
      if (stack.length + 1 > maxDepth) fail('xml.tooDeep', { max: maxDepth }, path);
      if (++elements > maxElements)
        fail('xml.tooMany', { what: 'elements', max: maxElements }, path);
      const attributes: Record<string, string> = Object.create(null);
      let scope = parent?.scope ?? new Map<string, string>();
      let count = 0;
      let at = lt + 1 + qname.length;
      for (;;) {
        const after = skipSpace(at);
        const c = xml[after];
        if (c === '>' || (c === '/' && xml[after + 1] === '>') || c === undefined) {
          at = after;
          break;
        }
        if (after === at) malformed(`a space is expected in <${qname.slice(0, 32)}>`, path);
        const attr = readName(after);
        let p = skipSpace(after + attr.length);
        if (xml[p] !== '=') malformed(`attribute ${attr.slice(0, 32)} has no value`, path);
        p = skipSpace(p + 1);
        const quote = xml[p];
        if (quote !== '"' && quote !== "'")
          malformed(`attribute ${attr.slice(0, 32)} is not quoted`, path);
        const close = xml.indexOf(quote as string, p + 1);
        if (close === -1) malformed(`attribute ${attr.slice(0, 32)} is not closed`, path);
        const raw = xml.slice(p + 1, close);
        if (raw.includes('<')) malformed(`attribute ${attr.slice(0, 32)} contains <`, path);
        if (attr in attributes) malformed(`attribute ${attr.slice(0, 32)} is repeated`, path);
        if (++count > maxAttributes) {
          fail('xml.tooMany', { what: 'attributes', max: maxAttributes }, path);
        }
        const value = decode(raw.replace(/[\t\n]/g, ' '));
        attributes[attr] = value;
        if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
          if (scope === parent?.scope || !parent) scope = new Map(scope);
          scope.set(attr === 'xmlns' ? '' : attr.slice(6), value);
        }
        at = close + 1;
      }
      if (xml[at] === undefined)
        malformed(`the start tag <${qname.slice(0, 32)}> is not closed`, path);
      const el: XmlElement = {
        name: local,
        prefix,
        ns: resolve(prefix, scope, path),
        attributes,
        children: [],
        text: '',
        path,
      };
      if (parent) parent.el.children.push(el);
      else root = el;
      if (xml[at] === '/') {
        i = at + 2;
      } else {
        stack.push({ el, qname, scope, counts: new Map() });
        i = at + 1;
      }
    }
  }
  if (stack.length > 0) {
    malformed(`the element <${stack[stack.length - 1]?.qname.slice(0, 32)}> is not closed`);
  }
  if (!root) malformed('there is no root element', []);
  return root as XmlElement;
}
