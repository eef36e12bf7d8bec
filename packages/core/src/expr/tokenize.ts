import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import { type ExprCode, exprDiagnostic } from './exprCatalog.js';
import { isKeyword } from './exprKeywords.js';
import { NAME_PART, NAME_START } from './nameChars.js';

/** @internal A token of the expression language. `text` is the source slice. */
export interface Token {
  type: 'number' | 'string' | 'identifier' | 'keyword' | 'punct' | 'end';
  text: string;
  /** The number of a number token, the decoded text of a string token. */
  value: string | number;
  start: number;
}

/** @internal Thrown inside the parser and caught by `parseExpression` only. */
export class ExprSyntaxError {
  constructor(readonly diagnostic: Diagnostic) {}
}

const whitespace = /\s+/y;
const numberPattern = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const identifierPattern = new RegExp(`[${NAME_START}_$][${NAME_PART}$\u200C\u200D]*`, 'uy');
const numberTail = new RegExp(`[${NAME_PART}$.]+`, 'uy');
const twoCharPuncts = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const oneCharPuncts = new Set([
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
]);
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
const hex4 = /^[0-9a-fA-F]{4}$/;

function fail(code: ExprCode, params: Record<string, string | number>): never {
  throw new ExprSyntaxError(exprDiagnostic(code, params));
}

function readString(source: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  let chunk = i;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 0x22) return { value: value + source.slice(chunk, i), end: i + 1 };
    if (c < 0x20) break;
    if (c === 0x5c) {
      value += source.slice(chunk, i);
      const e = source.charAt(i + 1);
      if (e === 'u') {
        const digits = source.slice(i + 2, i + 6);
        if (!hex4.test(digits)) break;
        value += String.fromCharCode(Number.parseInt(digits, 16));
        i += 6;
      } else if (Object.hasOwn(escapes, e)) {
        value += escapes[e];
        i += 2;
      } else break;
      chunk = i;
    } else i++;
  }
  return fail('expr.badString', { offset: start });
}

/**
 * @internal Splits a source into tokens; the last one has type `end`. Throws
 * {@link ExprSyntaxError} on a character or literal that cannot start a token.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (true) {
    whitespace.lastIndex = i;
    if (whitespace.test(source)) i = whitespace.lastIndex;
    if (i >= source.length) break;
    const c = source.charAt(i);
    if (c >= '0' && c <= '9') {
      numberPattern.lastIndex = i;
      numberPattern.test(source);
      let end = numberPattern.lastIndex;
      numberTail.lastIndex = end;
      const bad = numberTail.test(source);
      if (bad) end = numberTail.lastIndex;
      const text = source.slice(i, end);
      const value = Number(text);
      if (bad || !Number.isFinite(value)) fail('expr.badNumber', { offset: i, text });
      tokens.push({ type: 'number', text, value, start: i });
      i = end;
      continue;
    }
    if (c === '"') {
      const { value, end } = readString(source, i);
      tokens.push({ type: 'string', text: source.slice(i, end), value, start: i });
      i = end;
      continue;
    }
    identifierPattern.lastIndex = i;
    if (identifierPattern.test(source)) {
      const text = source.slice(i, identifierPattern.lastIndex);
      tokens.push({
        type: isKeyword(text) ? 'keyword' : 'identifier',
        text,
        value: text,
        start: i,
      });
      i = identifierPattern.lastIndex;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (twoCharPuncts.has(two)) {
      tokens.push({ type: 'punct', text: two, value: two, start: i });
      i += 2;
      continue;
    }
    if (oneCharPuncts.has(c)) {
      tokens.push({ type: 'punct', text: c, value: c, start: i });
      i += 1;
      continue;
    }
    if (c === '=') fail('expr.singleEquals', { offset: i });
    fail('expr.badChar', { offset: i, char: String.fromCodePoint(source.codePointAt(i) ?? 0) });
  }
  tokens.push({ type: 'end', text: '', value: '', start: source.length });
  return tokens;
}
