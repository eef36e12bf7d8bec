import type { Parsed } from '../diagnostics/Parsed.js';
import type { BinaryOperator, ExprNode } from './ExprNode.js';
import { exprDiagnostic } from './exprCatalog.js';
import { type ExprFunctionName, exprFunctions } from './exprFunctions.js';
import { exprLimits } from './exprLimits.js';
import { isForbiddenName } from './forbiddenNames.js';
import { ExprSyntaxError, type Token, tokenize } from './tokenize.js';

/**
 * The result of {@link parseExpression}: the AST, or the diagnostics that explain why
 * there is none.
 *
 * @example
 * ```ts
 * import { parseExpression, type ParseResult } from '@zhizhi/core/expr';
 * const r: ParseResult = parseExpression('level == 1');
 * ```
 */
export type ParseResult = Parsed<ExprNode>;

const comparisonOps: Record<string, BinaryOperator> = {
  '==': '==',
  '!=': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  in: 'in',
  contains: 'contains',
};

class Parser {
  private pos = 0;
  private nesting = 0;
  private nodes = 0;
  private readonly depths = new WeakMap<ExprNode, number>();

  constructor(private readonly tokens: Token[]) {}

  parse(): ExprNode {
    const ast = this.parseOr();
    const t = this.peek();
    if (t.type !== 'end') this.unexpected(t);
    return ast;
  }

  private peek(ahead = 0): Token {
    const tokens = this.tokens;
    return tokens[Math.min(this.pos + ahead, tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private is(t: Token, text: string): boolean {
    return (t.type === 'punct' || t.type === 'keyword') && t.text === text;
  }

  private expect(text: string): Token {
    const t = this.next();
    if (!this.is(t, text)) this.unexpected(t);
    return t;
  }

  private unexpected(t: Token): never {
    if (t.type === 'end')
      throw new ExprSyntaxError(exprDiagnostic('expr.unexpectedEnd', { offset: t.start }));
    const found = t.text.length > 24 ? `${t.text.slice(0, 24)}…` : t.text;
    throw new ExprSyntaxError(exprDiagnostic('expr.syntax', { offset: t.start, found }));
  }

  private enter(t: Token): void {
    if (++this.nesting > exprLimits.maxDepth) {
      throw new ExprSyntaxError(
        exprDiagnostic('expr.tooDeep', { offset: t.start, max: exprLimits.maxDepth }),
      );
    }
  }

  private make<N extends ExprNode>(node: N, at: Token, ...children: ExprNode[]): N {
    let depth = 1;
    for (const child of children) depth = Math.max(depth, (this.depths.get(child) ?? 1) + 1);
    if (depth > exprLimits.maxDepth) {
      throw new ExprSyntaxError(
        exprDiagnostic('expr.tooDeep', { offset: at.start, max: exprLimits.maxDepth }),
      );
    }
    if (++this.nodes > exprLimits.maxNodes) {
      throw new ExprSyntaxError(
        exprDiagnostic('expr.tooLarge', { offset: at.start, max: exprLimits.maxNodes }),
      );
    }
    this.depths.set(node, depth);
    return node;
  }

  private binary(op: BinaryOperator, left: ExprNode, right: ExprNode, at: Token): ExprNode {
    return this.make({ kind: 'binary', op, left, right }, at, left, right);
  }

  private parseOr(): ExprNode {
    let left = this.parseAnd();
    for (let t = this.peek(); this.is(t, 'or') || this.is(t, '||'); t = this.peek()) {
      this.next();
      left = this.binary('or', left, this.parseAnd(), t);
    }
    return left;
  }

  private parseAnd(): ExprNode {
    let left = this.parseNot();
    for (let t = this.peek(); this.is(t, 'and') || this.is(t, '&&'); t = this.peek()) {
      this.next();
      left = this.binary('and', left, this.parseNot(), t);
    }
    return left;
  }

  private parseNot(): ExprNode {
    const t = this.peek();
    if (!this.is(t, 'not') && !this.is(t, '!')) return this.parseComparison();
    this.next();
    this.enter(t);
    const operand = this.parseNot();
    this.nesting--;
    return this.make({ kind: 'unary', op: 'not', operand }, t, operand);
  }

  /** The comparison operator at the current token (consumed), or undefined. */
  private comparisonOp(): BinaryOperator | undefined {
    const t = this.peek();
    if (t.type !== 'punct' && t.type !== 'keyword') return undefined;
    if (t.text === 'not' && this.is(this.peek(1), 'in')) {
      this.pos += 2;
      return 'not in';
    }
    const op = Object.hasOwn(comparisonOps, t.text) ? comparisonOps[t.text] : undefined;
    if (op !== undefined) this.pos++;
    return op;
  }

  private parseComparison(): ExprNode {
    const left = this.parseAdditive();
    const at = this.peek();
    const op = this.comparisonOp();
    if (op === undefined) return left;
    const node = this.binary(op, left, this.parseAdditive(), at);
    const after = this.peek();
    if (this.comparisonOp() !== undefined) {
      throw new ExprSyntaxError(exprDiagnostic('expr.chainedComparison', { offset: after.start }));
    }
    return node;
  }

  private parseAdditive(): ExprNode {
    let left = this.parseMultiplicative();
    for (let t = this.peek(); this.is(t, '+') || this.is(t, '-'); t = this.peek()) {
      this.next();
      left = this.binary(t.text as '+' | '-', left, this.parseMultiplicative(), t);
    }
    return left;
  }

  private parseMultiplicative(): ExprNode {
    let left = this.parseUnary();
    for (
      let t = this.peek();
      this.is(t, '*') || this.is(t, '/') || this.is(t, '%');
      t = this.peek()
    ) {
      this.next();
      left = this.binary(t.text as '*' | '/' | '%', left, this.parseUnary(), t);
    }
    return left;
  }

  private parseUnary(): ExprNode {
    const t = this.peek();
    if (!this.is(t, '-')) return this.parsePrimary();
    this.next();
    const number = this.peek();
    if (number.type === 'number') {
      this.next();
      return this.make({ kind: 'literal', value: -(number.value as number) }, t);
    }
    this.enter(t);
    const operand = this.parseUnary();
    this.nesting--;
    return this.make({ kind: 'unary', op: '-', operand }, t, operand);
  }

  private parsePrimary(): ExprNode {
    const t = this.next();
    switch (t.type) {
      case 'number':
      case 'string':
        return this.make({ kind: 'literal', value: t.value }, t);
      case 'identifier':
        return this.is(this.peek(), '(') ? this.parseCall(t) : this.parsePath(t);
      case 'keyword':
        if (t.text === 'true' || t.text === 'false') {
          return this.make({ kind: 'literal', value: t.text === 'true' }, t);
        }
        if (t.text === 'null') return this.make({ kind: 'literal', value: null }, t);
        return this.unexpected(t);
      case 'punct':
        if (t.text === '(') {
          this.enter(t);
          const inner = this.parseOr();
          this.expect(')');
          this.nesting--;
          return inner;
        }
        if (t.text === '[') {
          this.enter(t);
          const items = this.parseList(']');
          this.nesting--;
          return this.make({ kind: 'array', items }, t, ...items);
        }
        return this.unexpected(t);
      default:
        return this.unexpected(t);
    }
  }

  private parseList(close: string): ExprNode[] {
    const items: ExprNode[] = [];
    if (this.is(this.peek(), close)) {
      this.next();
      return items;
    }
    while (true) {
      items.push(this.parseOr());
      const t = this.next();
      if (this.is(t, close)) return items;
      if (!this.is(t, ',')) this.unexpected(t);
    }
  }

  private checkName(t: Token): string {
    const name = t.text;
    if (isForbiddenName(name)) {
      throw new ExprSyntaxError(exprDiagnostic('expr.forbiddenName', { offset: t.start, name }));
    }
    return name;
  }

  private parseCall(t: Token): ExprNode {
    const name = this.checkName(t);
    if (!Object.hasOwn(exprFunctions, name)) {
      const allowed = Object.keys(exprFunctions).join(', ');
      throw new ExprSyntaxError(
        exprDiagnostic('expr.unknownFunction', { offset: t.start, name, allowed }),
      );
    }
    const fn = name as ExprFunctionName;
    this.enter(this.next());
    const args = this.parseList(')');
    this.nesting--;
    const expected = exprFunctions[fn].arity;
    if (args.length !== expected) {
      throw new ExprSyntaxError(
        exprDiagnostic('expr.arity', { offset: t.start, name, expected, actual: args.length }),
      );
    }
    return this.make({ kind: 'call', name: fn, args }, t, ...args);
  }

  private parsePath(first: Token): ExprNode {
    const path = [this.checkName(first)];
    while (this.is(this.peek(), '.')) {
      this.next();
      const segment = this.next();
      if (segment.type !== 'identifier') this.unexpected(segment);
      path.push(this.checkName(segment));
      if (path.length > exprLimits.maxPathLength) {
        throw new ExprSyntaxError(
          exprDiagnostic('expr.tooDeep', { offset: segment.start, max: exprLimits.maxPathLength }),
        );
      }
    }
    return this.make({ kind: 'field', path }, first);
  }
}

/**
 * Parses a condition into a plain-JSON {@link ExprNode}. It never throws: a source that is
 * not a valid condition gives diagnostics with a stable code, the 0-based character offset
 * in the message and `path: []` (callers prefix the JSON path of the condition).
 *
 * Grammar (EBNF; keywords are lower case and reserved, whitespace is free between tokens):
 *
 * ```ebnf
 * expression     = or ;
 * or             = and , { ( "or" | "||" ) , and } ;
 * and            = not , { ( "and" | "&&" ) , not } ;
 * not            = ( "not" | "!" ) , not | comparison ;
 * comparison     = additive , [ compare-op , additive ] ;      (* not chainable *)
 * compare-op     = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" , "in" | "contains" ;
 * additive       = multiplicative , { ( "+" | "-" ) , multiplicative } ;
 * multiplicative = unary , { ( "*" | "/" | "%" ) , unary } ;
 * unary          = "-" , unary | primary ;                    (* "-" number is a literal *)
 * primary        = number | string | "true" | "false" | "null"
 *                | "[" , [ expression , { "," , expression } ] , "]"
 *                | function , "(" , [ expression , { "," , expression } ] , ")"
 *                | identifier , { "." , identifier }
 *                | "(" , expression , ")" ;
 * function       = "minutesSince" | "hoursSince" | "daysSince" | "length" ;
 * number         = digit , { digit } , [ "." , digit , { digit } ] ,
 *                  [ ( "e" | "E" ) , [ "+" | "-" ] , digit , { digit } ] ;
 * string         = '"' , { char | "\" , ( '"' | "\" | "/" | "b" | "f" | "n" | "r" | "t"
 *                  | "u" , hex , hex , hex , hex ) } , '"' ;    (* a JSON string *)
 * identifier     = ( letter | "_" | "$" ) , { letter | digit | "_" | "$" } ;
 *                  (* Unicode ID_Start / ID_Continue, not a keyword and not
 *                     "__proto__", "constructor" or "prototype" *)
 * ```
 *
 * Precedence from loosest to tightest: `or`, `and`, `not`, comparisons and membership,
 * `+ -`, `* / %`, unary `-`. As in Python, `not a == b` means `not (a == b)`; `!` is
 * only another spelling of `not` (so `!a == b` means the same), as `&&`/`||` are of
 * `and`/`or`. Comparisons do not chain: `a < b < c` is `expr.chainedComparison`.
 * Limits: {@link exprLimits} (source length, nesting depth — parentheses included —
 * node count); the first problem found is reported.
 *
 * @example
 * ```ts
 * import { parseExpression } from '@zhizhi/core/expr';
 * const r = parseExpression('heartRate > 120 or heartRate < 40');
 * if (r.ok) r.value.kind; // 'binary'
 * const bad = parseExpression('level = 1');
 * if (!bad.ok) bad.diagnostics[0]?.code; // 'expr.singleEquals'
 * ```
 */
export function parseExpression(source: string): ParseResult {
  if (typeof source !== 'string' || source.trim() === '') {
    return { ok: false, diagnostics: [exprDiagnostic('expr.empty')] };
  }
  if (source.length > exprLimits.maxSourceLength) {
    const params = { length: source.length, max: exprLimits.maxSourceLength };
    return { ok: false, diagnostics: [exprDiagnostic('expr.tooLong', params)] };
  }
  try {
    return { ok: true, value: new Parser(tokenize(source)).parse() };
  } catch (error) {
    if (error instanceof ExprSyntaxError) return { ok: false, diagnostics: [error.diagnostic] };
    throw error;
  }
}
