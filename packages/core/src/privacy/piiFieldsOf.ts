/**
 * The ids of a scenario document's fields marked `pii: true`.
 *
 * @example
 * ```ts
 * import { piiFieldsOf } from '@zhizhi/core/privacy';
 * piiFieldsOf({ fields: [{ id: 'elderName', pii: true }, { id: 'room' }] }); // Set { 'elderName' }
 * ```
 */
export function piiFieldsOf(doc: {
  readonly fields?: readonly { readonly id: string; readonly pii?: boolean | undefined }[];
}): ReadonlySet<string> {
  return new Set((doc.fields ?? []).filter((f) => f.pii === true).map((f) => f.id));
}
