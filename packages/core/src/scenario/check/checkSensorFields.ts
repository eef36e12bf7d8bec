import { alertFieldPaths } from '../../alert/alertFieldPaths.js';
import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import { closestName, didYouMean } from '../../diagnostics/didYouMean.js';
import type { CheckContext } from './checkContext.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

const typeOf = new Map(alertFieldPaths.map((p) => [p.path, p.type]));
const allPaths = alertFieldPaths.map((p) => `\`${p.path}\``);
const typeWords = { string: '文本', number: '数字' } as const;

/**
 * Checks what sensor triggers copy out of an alert (`fields[].from`): the path must be one of
 * `alertFieldPaths` (`scenario.unknownAlertPath`, with a near miss suggested or the paths
 * listed), and its value must fit the field it goes into — a number into a `number` field, a
 * string into a `string` field (`scenario.alertFieldType`). Either mistake would make every
 * alert fail to start an instance at run time. An undeclared field is `scenario.unknownField`.
 *
 * @internal
 * @example
 * ```ts
 * import { checkSensorFields } from './checkSensorFields.js';
 * import { createCheckContext } from './checkContext.js';
 * // { kind: 'sensor', fields: [{ field: 'place', from: 'location.adress' }], … }
 * // checkSensorFields(createCheckContext(doc))[0]?.code; // 'scenario.unknownAlertPath'
 * ```
 */
export function checkSensorFields(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  let suggest: ((name: string) => string | undefined) | undefined;
  ctx.doc.triggers.forEach((t, i) => {
    if (t.kind !== 'sensor') return;
    t.fields?.forEach(({ field, from }, j) => {
      const path = ['triggers', i, 'fields', j, 'from'];
      const type = typeOf.get(from);
      if (type === undefined) {
        suggest ??= closestName(typeOf.keys());
        const near = suggest(from);
        const hint = near
          ? didYouMean(near)
          : {
              hint: `; the paths are ${allPaths.join(', ')}`,
              hintZh: `；可用的路径：${allPaths.join('、')}`,
            };
        out.push(
          scenarioDiagnostic('scenario.unknownAlertPath', path, { trigger: t.id, from, ...hint }),
        );
        return;
      }
      const declared = ctx.fields.get(field);
      if (!declared || declared.type === type) return;
      out.push(
        scenarioDiagnostic('scenario.alertFieldType', path, {
          trigger: t.id,
          from,
          field,
          type,
          typeZh: typeWords[type],
          fieldType: declared.type,
        }),
      );
    });
  });
  return out;
}
