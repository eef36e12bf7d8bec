import type { Lang, Org } from '@zhizhi/core';
import type { FieldType } from '@zhizhi/core/expr';
import { type KeyboardEvent, useEffect, useState } from 'react';
import type { Json } from '../model/index.js';
import { ConditionEditor } from './ConditionEditor.js';
import { fieldName } from './fieldNames.js';
import { enumText, orgChoices } from './orgChoices.js';
import { defaultFor, type JsonSchema } from './stepJsonSchema.js';
import { uiText } from './uiText.js';

type Key = string | number;

/** What every field of one step's form shares. @internal */
export interface FieldContext {
  lang: Lang;
  org: Org | undefined;
  /** The scenario's data field ids (for `form` and `fields` lists). */
  dataFields: readonly string[];
  /** The scenario's data fields with their types (for the condition editor). */
  fields?: readonly { id: string; type: FieldType }[];
  /** Step ids a transition may lead to, and whether `@join` is offered. */
  targets: readonly string[];
  join: boolean;
  /** Transition fields by path (`next`, `outcomes.0.to`…) → the outcome they belong to. */
  transitions: ReadonlyMap<string, string>;
  set(path: readonly Key[], value: Json | undefined): void;
  connect(outcome: string, to: string | undefined): void;
}

interface Props {
  schema: JsonSchema;
  value: unknown;
  path: readonly Key[];
  /** The sibling values (a recipient's `kind` decides its `id` picker). */
  parent?: Record<string, unknown>;
  required: boolean;
  ctx: FieldContext;
}

const fieldId = (path: readonly Key[]) => `zz-field-${path.join('-')}`;
const nameOf = (path: readonly Key[]) => path[path.length - 1] ?? '';

/** A text or number input that commits on blur or Enter (one undo step per edit). */
function CommitInput(props: {
  id: string;
  value: string;
  type: 'text' | 'number';
  onCommit(v: string): void;
}) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  const commit = () => {
    if (text !== props.value) props.onCommit(text);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') commit();
  };
  return (
    <input
      id={props.id}
      type={props.type}
      step="any"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}

function Select(props: {
  id: string;
  /** The name, when no `<label for>` names the select (a union's variant). */
  label?: string;
  value: string;
  choices: { value: string; text: string }[];
  lang: Lang;
  onChange(v: string): void;
}) {
  const known = props.choices.some((c) => c.value === props.value);
  return (
    <select
      id={props.id}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {props.value === '' || !known ? (
        <option value={props.value}>
          {props.value === '' ? uiText('choose', props.lang) : props.value}
        </option>
      ) : null}
      {props.choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.text}
        </option>
      ))}
    </select>
  );
}

/** Keys of a transition: set only by `connect` (the canvas or its picker), never left empty. */
const GOTO_KEYS = new Set(['next', 'onTimeout', 'otherwise', 'to']);

/**
 * A fresh object's default without its empty transitions (`sla` → `{ within: '' }`): the
 * model refuses a transition set as a property; the new port is connected afterwards.
 */
function withoutOpenGotos(value: unknown): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value as Json;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value as Record<string, Json>))
    if (!(GOTO_KEYS.has(k) && v === '')) out[k] = v;
  return out;
}

/** The key that tells the variants of a union apart (`role` / `post` / `department`…). */
const variantKey = (s: JsonSchema) => s.required?.[0] ?? Object.keys(s.properties ?? {})[0] ?? '';

/**
 * One field of a step's property form, drawn from its JSON Schema: text, number, checkbox,
 * enum select, org picker (posts, departments, centers, communities, grids, roles), data-field
 * picker, transition picker (a `connect` command), object, list or union.
 *
 * @internal
 */
export function SchemaField({ schema, value, path, parent, required, ctx }: Props) {
  const key = nameOf(path);
  const id = fieldId(path);
  const name = schema.title ?? fieldName(key, ctx.lang);
  const { lang } = ctx;
  if (schema.const !== undefined) return null;

  const outcome = ctx.transitions.get(path.join('.'));
  if (outcome !== undefined) {
    const choices = ctx.targets.map((t) => ({ value: t, text: t }));
    if (ctx.join) choices.push({ value: '@join', text: uiText('join', lang) });
    return (
      <div className="zz-field">
        <label htmlFor={id}>{name}</label>
        <Select
          id={id}
          lang={lang}
          value={typeof value === 'string' ? value : ''}
          choices={choices}
          onChange={(v) => ctx.connect(outcome, v === '' ? undefined : v)}
        />
      </div>
    );
  }

  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const obj = (value !== null && typeof value === 'object' ? value : {}) as Record<
      string,
      unknown
    >;
    // a union told apart by a `kind` constant (triggers, KPIs), or by its one key (assignee)
    const byKind = union.every((s) => s.properties?.kind?.const !== undefined);
    const tag = (s: JsonSchema) => (byKind ? String(s.properties?.kind?.const) : variantKey(s));
    const current = byKind
      ? typeof obj.kind === 'string'
        ? obj.kind
        : undefined
      : value !== null && typeof value === 'object'
        ? Object.keys(value)[0]
        : undefined;
    const chosen = union.find((s) => tag(s) === current);
    return (
      <fieldset className="zz-field zz-field--union">
        <legend>{name}</legend>
        <Select
          label={name}
          id={id}
          lang={lang}
          value={current ?? ''}
          choices={union.map((s) => ({ value: tag(s), text: fieldName(tag(s), lang) }))}
          onChange={(v) => {
            const s = union.find((u) => tag(u) === v);
            if (!s) return;
            const fresh = defaultFor(s) as Record<string, Json>;
            // a new kind keeps the id it had
            if (byKind && typeof obj.id === 'string') fresh.id = obj.id;
            ctx.set(path, fresh);
          }}
        />
        {chosen ? <ObjectFields schema={chosen} value={value} path={path} ctx={ctx} /> : null}
      </fieldset>
    );
  }

  if (schema.type === 'object') {
    if (value === undefined && !required) {
      return (
        <div className="zz-field">
          <span>{name}</span>{' '}
          <button type="button" onClick={() => ctx.set(path, withoutOpenGotos(defaultFor(schema)))}>
            {uiText('set', lang)} {name}
          </button>
        </div>
      );
    }
    return (
      <fieldset className="zz-field zz-field--object">
        <legend>
          {name}
          {!required ? (
            <button type="button" className="zz-unset" onClick={() => ctx.set(path, undefined)}>
              {uiText('unset', lang)}
            </button>
          ) : null}
        </legend>
        <ObjectFields schema={schema} value={value} path={path} ctx={ctx} />
      </fieldset>
    );
  }

  if (schema.type === 'array') {
    const list = Array.isArray(value) ? (value as Json[]) : [];
    const item = schema.items ?? {};
    const isStrings = item.type === 'string' && !item.enum;
    const pickFields = isStrings && (key === 'form' || key === 'fields');
    return (
      <fieldset className="zz-field zz-field--list">
        <legend>{name}</legend>
        <ol>
          {list.map((v, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items are addressed by index in the document
            <li key={i}>
              {pickFields ? (
                <Select
                  id={fieldId([...path, i])}
                  lang={lang}
                  value={typeof v === 'string' ? v : ''}
                  choices={ctx.dataFields.map((f) => ({ value: f, text: f }))}
                  onChange={(x) => ctx.set([...path, i], x)}
                />
              ) : (
                <SchemaField
                  schema={item}
                  value={v}
                  path={[...path, i]}
                  required
                  ctx={ctx}
                  {...(v !== null && typeof v === 'object' && !Array.isArray(v)
                    ? { parent: v as Record<string, unknown> }
                    : {})}
                />
              )}
              <button
                type="button"
                className="zz-remove"
                aria-label={`${uiText('remove', lang)} ${name} ${i + 1}`}
                onClick={() =>
                  ctx.set(
                    path,
                    list.filter((_, j) => j !== i),
                  )
                }
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => {
            const fresh = pickFields ? (ctx.dataFields[0] ?? '') : (defaultFor(item) as Json);
            ctx.set(path, [...list, fresh]);
          }}
        >
          {uiText('add', lang)} {name}
        </button>
      </fieldset>
    );
  }

  if (schema.type === 'boolean') {
    return (
      <div className="zz-field zz-field--check">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => ctx.set(path, e.target.checked)}
        />
        <label htmlFor={id}>{name}</label>
      </div>
    );
  }

  if (schema.enum) {
    return (
      <div className="zz-field">
        <label htmlFor={id}>{name}</label>
        <Select
          id={id}
          lang={lang}
          value={typeof value === 'string' ? value : String(value ?? '')}
          choices={schema.enum.map((v) => ({
            value: String(v),
            text: enumText(String(key), String(v), lang),
          }))}
          onChange={(v) => ctx.set(path, v)}
        />
      </div>
    );
  }

  if (schema.type === 'number' || schema.type === 'integer') {
    return (
      <div className="zz-field">
        <label htmlFor={id}>{name}</label>
        <CommitInput
          id={id}
          type="number"
          value={typeof value === 'number' ? String(value) : ''}
          onCommit={(v) => ctx.set(path, v === '' ? undefined : Number(v))}
        />
      </div>
    );
  }

  // a decision branch's condition: completion of field names, inline errors
  if (key === 'when' && schema.type === 'string') {
    return (
      <div className="zz-field">
        <label htmlFor={id}>{name}</label>
        <ConditionEditor
          id={id}
          lang={lang}
          value={typeof value === 'string' ? value : ''}
          fields={ctx.fields ?? []}
          onCommit={(v) => ctx.set(path, v)}
        />
      </div>
    );
  }

  // a trigger's start: one of the steps
  if (key === 'start' && schema.type === 'string') {
    return (
      <div className="zz-field">
        <label htmlFor={id}>{name}</label>
        <Select
          id={id}
          lang={lang}
          value={typeof value === 'string' ? value : ''}
          choices={ctx.targets.map((t) => ({ value: t, text: t }))}
          onChange={(v) => ctx.set(path, v)}
        />
      </div>
    );
  }

  // a string: an org picker where the key (or the sibling `kind`) names one, else typed in
  const pickerKind =
    key === 'post' || key === 'department' ? key : key === 'id' ? String(parent?.kind ?? '') : '';
  const choices = pickerKind ? orgChoices(ctx.org, pickerKind, lang) : undefined;
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="zz-field">
      <label htmlFor={id}>{name}</label>
      {choices ? (
        <Select
          id={id}
          lang={lang}
          value={text}
          choices={choices}
          onChange={(v) => ctx.set(path, v)}
        />
      ) : (
        <CommitInput
          id={id}
          type="text"
          value={text}
          onCommit={(v) => ctx.set(path, v === '' && !required ? undefined : v)}
        />
      )}
    </div>
  );
}

/** The properties of an object schema, each as a {@link SchemaField}. @internal */
export function ObjectFields(props: {
  schema: JsonSchema;
  value: unknown;
  path: readonly Key[];
  ctx: FieldContext;
  skip?: ReadonlySet<string>;
}) {
  const obj = (
    props.value !== null && typeof props.value === 'object' ? props.value : {}
  ) as Record<string, unknown>;
  const required = new Set(props.schema.required ?? []);
  return (
    <>
      {Object.entries(props.schema.properties ?? {})
        .filter(([k]) => !props.skip?.has(k))
        .map(([k, s]) => (
          <SchemaField
            key={k}
            schema={s}
            value={obj[k]}
            path={[...props.path, k]}
            parent={obj}
            required={required.has(k)}
            ctx={props.ctx}
          />
        ))}
    </>
  );
}
