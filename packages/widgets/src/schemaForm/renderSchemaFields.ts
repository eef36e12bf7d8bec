import type { Lang } from '@zhizhi/core';
import { html, nothing, type TemplateResult } from 'lit';
import { type Messages, translate } from '../i18n/translate.js';
import { schemaFormMessages } from '../messages/schemaFormMessages.js';
import type { SchemaField } from './fieldsOf.js';
import type { FormValues } from './payloadOf.js';

/**
 * How {@link renderSchemaFields} renders: the language, the values it reads and writes, a
 * prefix that makes ids unique in the shadow root, and what to do after each edit.
 *
 * @example
 * ```ts
 * import type { SchemaFormContext } from '@zhizhi/widgets';
 * const ctx: SchemaFormContext = { lang: 'zh-CN', values: new Map(), idPrefix: 'reject', changed: () => {} };
 * ```
 */
export interface SchemaFormContext {
  lang: Lang;
  values: FormValues;
  idPrefix: string;
  changed: () => void;
  /** Labels that win over the built-in ones, by field name (e.g. a scenario's field labels). */
  labels?: Messages;
}

/**
 * The labelled inputs of a schema form (Lit template). Every label is tied to its input, a
 * required input is marked `required` (the browser's own validation runs before submit), and
 * limits from the schema become `maxlength`/`min`/`max`.
 *
 * @example
 * ```ts
 * import { html } from 'lit';
 * import { fieldsOf, renderSchemaFields } from '@zhizhi/widgets';
 * // html`<form>${renderSchemaFields(fieldsOf(action.schema), ctx)}<button>提交</button></form>`
 * ```
 */
export function renderSchemaFields(
  fields: readonly SchemaField[],
  ctx: SchemaFormContext,
  prefix = '',
): TemplateResult[] {
  return fields.map((f) => renderField(f, prefix ? `${prefix}.${f.name}` : f.path, ctx));
}

const t = (key: string, lang: Lang, params?: Record<string, string | number>) =>
  translate(schemaFormMessages, key, lang, params);

function renderField(f: SchemaField, path: string, ctx: SchemaFormContext): TemplateResult {
  const id = `${ctx.idPrefix}-${path.replace(/[^\w-]/g, '_')}`;
  const name =
    ctx.labels && Object.hasOwn(ctx.labels, f.name)
      ? translate(ctx.labels, f.name, ctx.lang)
      : t(f.name, ctx.lang);
  const text = (ctx.values.get(path) as string | undefined) ?? '';
  const set = (e: Event) => {
    const el = e.target as HTMLInputElement;
    ctx.values.set(path, el.type === 'checkbox' ? el.checked : el.value);
    ctx.changed();
  };
  const mark = f.required ? html`<span aria-hidden="true"> *</span>` : nothing;
  switch (f.kind) {
    case 'object':
      return html`<fieldset part="fieldset">
        <legend>${name}${mark}</legend>
        ${renderSchemaFields(f.children ?? [], ctx, path)}
      </fieldset>`;
    case 'list': {
      const n = Number(ctx.values.get(`${path}#`) ?? (f.required ? 1 : 0));
      const resize = (to: number) => {
        ctx.values.set(`${path}#`, String(to));
        ctx.changed();
      };
      return html`<fieldset part="fieldset">
        <legend>${name}${mark}</legend>
        ${Array.from(
          { length: n },
          (_, i) => html`<fieldset part="fieldset">
            <legend>${t('item', ctx.lang, { n: i + 1 })}</legend>
            ${renderSchemaFields(f.children ?? [], ctx, `${path}.${i}`)}
          </fieldset>`,
        )}
        <button type="button" ?disabled=${f.maxItems !== undefined && n >= f.maxItems} @click=${() => resize(n + 1)}>
          ${t('add', ctx.lang)} ${name}
        </button>
        ${n > 0 ? html`<button type="button" @click=${() => resize(n - 1)}>${t('remove', ctx.lang)}</button>` : nothing}
      </fieldset>`;
    }
    case 'enum':
      return html`<label for=${id}>${name}${mark}</label>
        <select id=${id} ?required=${f.required} @change=${set}>
          <option value="" ?selected=${text === ''}>${t('choose', ctx.lang)}</option>
          ${(f.options ?? []).map((o) => html`<option value=${o} ?selected=${text === o}>${t(o, ctx.lang)}</option>`)}
        </select>`;
    case 'boolean':
      return html`<label for=${id}
        ><input id=${id} type="checkbox" .checked=${ctx.values.get(path) === true} @change=${set} />
        ${name}</label
      >`;
    case 'textarea':
    case 'lines':
      return html`<label for=${id}>${name}${mark}</label>
        <textarea id=${id} rows="3" ?required=${f.required} maxlength=${f.kind === 'textarea' ? (f.maxLength ?? nothing) : nothing} .value=${text} @input=${set}></textarea>`;
    case 'integer':
    case 'number':
      return html`<label for=${id}>${name}${mark}</label>
        <input id=${id} type="number" step=${f.kind === 'integer' ? '1' : 'any'} ?required=${f.required}
          min=${f.minimum ?? nothing} max=${f.maximum ?? nothing} .value=${text} @input=${set} />`;
    case 'datetime':
      return html`<label for=${id}>${name}${mark}</label>
        <input id=${id} type="datetime-local" ?required=${f.required} .value=${text} @input=${set} />`;
    default:
      return html`<label for=${id}>${name}${mark}</label>
        <input id=${id} type="text" ?required=${f.required} maxlength=${f.maxLength ?? nothing} .value=${text} @input=${set} />`;
  }
}
