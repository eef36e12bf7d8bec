import type { Lang, Org } from '@zhizhi/core';
import type { Json } from '../model/index.js';
import { type FieldContext, SchemaField } from '../panels/SchemaField.js';
import type { JsonSchema } from '../panels/stepJsonSchema.js';

/** Props of {@link SimForm}. */
export interface SimFormProps {
  /** An object schema (a task's form from `taskFormSchema`). */
  schema: JsonSchema;
  /** The fields' labels (`fieldLabels(doc)`). */
  labels: Record<string, { zh: string; en: string }>;
  values: Record<string, Json>;
  onChange(values: Record<string, Json>): void;
  /** Makes the inputs' ids unique on the page (`zz-field-<idPrefix>-<field>`). */
  idPrefix: string;
  lang: Lang;
  org: Org | undefined;
}

/**
 * A task's (or a start's) form in the simulation, drawn by the property panel's own
 * `SchemaField` from the JSON Schema the widgets build for a task (`taskFormSchema`): one form
 * renderer for the designer, its simulation and (with the same schema) the widgets.
 *
 * @example
 * ```tsx
 * import { fieldLabels, taskFormSchema } from '@zhizhi/widgets/scenario';
 * <SimForm schema={taskFormSchema(doc, step)} labels={fieldLabels(doc)} values={v} onChange={setV} idPrefix="visit" lang="zh-CN" org={org} />;
 * ```
 */
export function SimForm(props: SimFormProps) {
  const { schema, labels, values, lang } = props;
  const ctx: FieldContext = {
    lang,
    org: props.org,
    dataFields: [],
    targets: [],
    join: false,
    transitions: new Map(),
    set(path, value) {
      const key = String(path[1]);
      const next = { ...values };
      if (value === undefined || value === '') delete next[key];
      else next[key] = path.length > 2 ? setIn(next[key], path.slice(2), value) : value;
      props.onChange(next);
    },
    connect() {},
  };
  const required = new Set(schema.required ?? []);
  return (
    <div className="zz-sim__form">
      {Object.entries(schema.properties ?? {}).map(([key, field]) => {
        const label = labels[key];
        const titled = label ? { ...field, title: lang === 'en' ? label.en : label.zh } : field;
        return (
          <SchemaField
            key={key}
            schema={titled}
            value={values[key]}
            path={[props.idPrefix, key]}
            required={required.has(key)}
            ctx={ctx}
          />
        );
      })}
    </div>
  );
}

/** A copy of a list or object with the value at `path` set (a form's list item). */
function setIn(into: Json | undefined, path: readonly (string | number)[], value: Json): Json {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(into) ? [...into] : [];
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const obj = into && typeof into === 'object' && !Array.isArray(into) ? { ...into } : {};
  obj[head] = setIn(obj[head], rest, value);
  return obj;
}
