// The condition expression language of zhizhi: parse, validate, type-check, print and
// interpret conditions over JSON data. No eval, no Function, no prototype access.

export {
  type CompileResult,
  type Condition,
  compileCondition,
} from './compileCondition.js';
export {
  type ArrayNode,
  type BinaryNode,
  type BinaryOperator,
  binaryOperators,
  type CallNode,
  type ExprNode,
  type FieldNode,
  type LiteralNode,
  type UnaryNode,
  type UnaryOperator,
} from './ExprNode.js';
export { type ConditionResult, evaluateCondition } from './evaluateCondition.js';
export {
  type EvaluateOptions,
  type EvaluateResult,
  evaluateExpression,
} from './evaluateExpression.js';
export { type ExprCode, exprCatalog } from './exprCatalog.js';
export { type ExprFunctionName, exprFunctions } from './exprFunctions.js';
export { exprKeywords, isFieldSegment } from './exprKeywords.js';
export { exprLimits } from './exprLimits.js';
export { exprNodeSchema } from './exprNodeSchema.js';
export type { FieldType } from './FieldType.js';
export { FIELD_ID_PATTERN } from './fieldName.js';
export { forbiddenNames, isForbiddenName } from './forbiddenNames.js';
export { type ParseResult, parseExpression } from './parseExpression.js';
export { parseExprNode } from './parseExprNode.js';
export { printExpression } from './printExpression.js';
export { typeCheckExpression } from './typeCheckExpression.js';
