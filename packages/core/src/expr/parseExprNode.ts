import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { Parsed } from '../diagnostics/Parsed.js';
import type { ExprNode } from './ExprNode.js';
import { exprDiagnostic, exprTreeDiagnostic } from './exprCatalog.js';
import { exprLimits } from './exprLimits.js';
import { exprNodeSchema } from './exprNodeSchema.js';

/**
 * Validates an AST imported from JSON with {@link exprNodeSchema} and turns every zod issue
 * into a {@link Diagnostic}: `expr.tooDeep`, `expr.tooLarge`, `expr.forbiddenName` or
 * `expr.invalidAst`, with `path` pointing inside the AST (callers prefix it).
 *
 * @example
 * ```ts
 * import { parseExprNode } from '@zhizhi/core/expr';
 * const r = parseExprNode(JSON.parse('{"kind":"field","path":["constructor"]}'));
 * if (!r.ok) r.diagnostics[0]?.code; // 'expr.forbiddenName'
 * ```
 */
export function parseExprNode(value: unknown): Parsed<ExprNode> {
  const parsed = exprNodeSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const diagnostics = parsed.error.issues.map((issue): Diagnostic => {
    const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
    const code = issue.code === 'custom' ? (issue.params?.code as string | undefined) : undefined;
    const at = path.join('.');
    if (code === 'expr.tooDeep' || code === 'expr.tooLarge') {
      const max = code === 'expr.tooDeep' ? exprLimits.maxDepth : exprLimits.maxNodes;
      return exprTreeDiagnostic(code, { max }, path);
    }
    if (code === 'expr.forbiddenName') {
      return exprTreeDiagnostic(code, { name: String(issue.input) }, path);
    }
    return {
      ...exprDiagnostic('expr.invalidAst', { detail: `${at || '(root)'}: ${issue.message}` }),
      path,
    };
  });
  return { ok: false, diagnostics };
}
