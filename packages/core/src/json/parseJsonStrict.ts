import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import { type JsonCode, jsonCatalog } from './jsonCatalog.js';

/**
 * A finding of {@link parseJsonStrict}: a {@link Diagnostic} with the 1-based `line` and
 * `column` (in UTF-16 code units, after a stripped BOM) where it was found.
 *
 * @example
 * ```ts
 * import type { JsonDiagnostic } from '@zhizhi/core/json';
 * const where = (d: JsonDiagnostic) => `${d.line}:${d.column} ${d.code}`;
 * ```
 */
export interface JsonDiagnostic extends Diagnostic {
  line: number;
  column: number;
}

/**
 * What {@link parseJsonStrict} returns: the value, or why there is none.
 *
 * @example
 * ```ts
 * import type { JsonParseResult } from '@zhizhi/core/json';
 * const value = (r: JsonParseResult) => (r.ok ? r.value : undefined);
 * ```
 */
export type JsonParseResult =
  | { ok: true; value: unknown }
  | { ok: false; diagnostics: JsonDiagnostic[] };

/** Options of {@link parseJsonStrict}. */
export interface JsonStrictOptions {
  /** Deepest nesting of objects and arrays accepted (default 512). */
  maxDepth?: number;
  /** Most diagnostics reported before the reader stops (default 100). */
  maxDiagnostics?: number;
}

const expectations = {
  value: { expected: 'a value', expectedZh: '一个值' },
  key: { expected: 'a key in double quotes', expectedZh: '双引号中的键' },
  colon: { expected: '":"', expectedZh: '冒号 ":"' },
  objectNext: { expected: '"," or "}"', expectedZh: '逗号 "," 或 "}"' },
  arrayNext: { expected: '"," or "]"', expectedZh: '逗号 "," 或 "]"' },
  string: { expected: 'the closing quote', expectedZh: '右引号' },
} as const;

const escapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class Stop extends Error {}

class Reader {
  pos = 0;
  depth = 0;
  /** Where the reader is: keys and indexes from the root (pushed and popped as it goes). */
  readonly path: (string | number)[] = [];
  readonly diagnostics: JsonDiagnostic[] = [];

  constructor(
    readonly text: string,
    readonly maxDepth: number,
    readonly maxDiagnostics: number,
  ) {}

  lineOf(offset: number): { line: number; column: number } {
    let line = 1;
    let start = 0;
    for (
      let i = this.text.indexOf('\n');
      i !== -1 && i < offset;
      i = this.text.indexOf('\n', i + 1)
    ) {
      line++;
      start = i + 1;
    }
    return { line, column: offset - start + 1 };
  }

  report(code: JsonCode, offset: number, params: Record<string, string | number> = {}): void {
    const t = jsonCatalog[code];
    const fill = (s: string) =>
      s.replace(/\{(\w+)\}/g, (_, k: string) =>
        Object.hasOwn(params, k) ? String(params[k]) : `{${k}}`,
      );
    this.diagnostics.push({
      code,
      path: [...this.path],
      severity: 'error',
      message: { zh: fill(t.zh), en: fill(t.en) },
      ...this.lineOf(offset),
    });
    if (this.diagnostics.length >= this.maxDiagnostics) throw new Stop();
  }

  /** Reports a syntax error and stops: after one, nothing more can be trusted. */
  fail(code: JsonCode, offset: number, params: Record<string, string | number> = {}): never {
    this.report(code, offset, params);
    throw new Stop();
  }

  found(offset: number): string {
    const c = this.text.codePointAt(offset);
    if (c === undefined) return 'the end';
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || c === 0xfeff)
      return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    return JSON.stringify(String.fromCodePoint(c));
  }

  unexpected(what: keyof typeof expectations): never {
    const at = this.pos;
    if (at >= this.text.length) this.fail('json.unexpectedEnd', at, expectations[what]);
    this.fail('json.unexpected', at, { ...expectations[what], found: this.found(at) });
  }

  skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (c === 0x22) return this.string();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.unexpected('value');
  }

  enter(): void {
    if (++this.depth > this.maxDepth) this.fail('json.tooDeep', this.pos, { max: this.maxDepth });
  }

  object(): Record<string, unknown> {
    this.enter();
    this.pos++;
    const out: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      this.depth--;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x22) this.unexpected('key');
      const keyAt = this.pos;
      const key = this.string();
      this.path.push(key);
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.unexpected('colon');
      this.pos++;
      const value = this.value();
      const first = seen.get(key);
      if (first !== undefined) {
        this.report('json.duplicateKey', keyAt, { key, firstLine: this.lineOf(first).line });
      } else if (key === '__proto__') {
        this.report('json.forbiddenKey', keyAt, { key });
        seen.set(key, keyAt);
      } else {
        out[key] = value;
        seen.set(key, keyAt);
      }
      this.path.pop();
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x2c) continue;
      if (c === 0x7d) break;
      this.pos--;
      this.unexpected('objectNext');
    }
    this.depth--;
    return out;
  }

  array(): unknown[] {
    this.enter();
    this.pos++;
    const out: unknown[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      this.depth--;
      return out;
    }
    for (;;) {
      this.path.push(out.length);
      out.push(this.value());
      this.path.pop();
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x2c) continue;
      if (c === 0x5d) break;
      this.pos--;
      this.unexpected('arrayNext');
    }
    this.depth--;
    return out;
  }

  string(): string {
    const text = this.text;
    const start = ++this.pos;
    let pos = start;
    // fast path: no escapes
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      if (c === 0x5c || c < 0x20 || Number.isNaN(c)) break;
      pos++;
    }
    let out = text.slice(start, pos);
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) {
        this.pos = pos;
        this.unexpected('string');
      }
      if (c === 0x22) {
        this.pos = pos + 1;
        return out;
      }
      if (c < 0x20) this.fail('json.controlChar', pos, { found: this.found(pos) });
      if (c !== 0x5c) {
        out += text[pos];
        pos++;
        continue;
      }
      const e = text[pos + 1];
      if (e !== undefined && Object.hasOwn(escapes, e)) {
        out += escapes[e];
        pos += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
        out += String.fromCharCode(Number.parseInt(text.slice(pos + 2, pos + 6), 16));
        pos += 6;
      } else {
        this.fail('json.badEscape', pos, { found: JSON.stringify(text.slice(pos, pos + 6)) });
      }
    }
  }

  number(): number {
    const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    match.lastIndex = this.pos;
    const m = match.exec(this.text);
    const end = m ? this.pos + m[0].length : this.pos;
    // a number must not run on into more digits, letters or dots ("01", "1.", "1e", "-")
    const next = this.text.charCodeAt(end);
    if (
      !m ||
      m[0] === '-' ||
      (next >= 0x30 && next <= 0x39) ||
      next === 0x2e ||
      next === 0x65 ||
      next === 0x45
    ) {
      const bad = /^[-+0-9.eE]+/.exec(this.text.slice(this.pos, this.pos + 32))?.[0] ?? '-';
      this.fail('json.badNumber', this.pos, { found: bad });
    }
    this.pos = end;
    return Number(m[0]);
  }
}

/**
 * Reads JSON text strictly (RFC 8259), with no `eval` and no last-one-wins: a key repeated in
 * one object (`"pii": true, "pii": false`) is a `json.duplicateKey` error at the second one's
 * path, and a `__proto__` key is a `json.forbiddenKey` error (both keep reading, so every such
 * key is listed). A UTF-8 byte-order mark at the start is skipped. Syntax errors (`json.unexpected`,
 * `json.unexpectedEnd`, `json.trailing`, `json.badEscape`, `json.controlChar`,
 * `json.badNumber`, `json.empty`) and nesting beyond `maxDepth` (`json.tooDeep`) stop the
 * reader. Every diagnostic has a zh-CN and English message, the `path` of the value
 * concerned, and its `line` and `column`. Never throws on bad input.
 *
 * @example
 * ```ts
 * import { parseJsonStrict } from '@zhizhi/core/json';
 * const r = parseJsonStrict('{"pii": true,\n "pii": false}');
 * if (!r.ok) r.diagnostics[0]; // { code: 'json.duplicateKey', path: ['pii'], line: 2, column: 2, … }
 * parseJsonStrict('\uFEFF{"a": [1, 2]}'); // { ok: true, value: { a: [1, 2] } }
 * ```
 */
export function parseJsonStrict(text: string, options: JsonStrictOptions = {}): JsonParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const reader = new Reader(source, options.maxDepth ?? 512, options.maxDiagnostics ?? 100);
  let value: unknown;
  try {
    reader.skipSpace();
    if (reader.pos >= source.length) reader.fail('json.empty', reader.pos);
    value = reader.value();
    reader.skipSpace();
    if (reader.pos < source.length)
      reader.fail('json.trailing', reader.pos, { found: reader.found(reader.pos) });
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return reader.diagnostics.length > 0
    ? { ok: false, diagnostics: reader.diagnostics }
    : { ok: true, value };
}
