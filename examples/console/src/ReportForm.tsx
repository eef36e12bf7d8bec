import {
  type Directory,
  type Lang,
  type Org,
  pickText,
  severities,
  type ZhizhiError,
} from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';
import { label } from '@zhizhi/core/labels';
import { type FormEvent, useState } from 'react';
import { Field } from './Field.js';
import { categoryNames, text } from './texts.js';

/**
 * Properties of {@link ReportForm}.
 *
 * @example
 * ```ts
 * import type { ReportFormProps } from './ReportForm.js';
 * const onReported: ReportFormProps['onReported'] = (id) => console.log(id);
 * ```
 */
export interface ReportFormProps {
  client: Client;
  org: Org;
  directory: Directory;
  townId: string;
  memberId: string;
  lang: Lang;
  onReported(caseId: string): void;
}

/**
 * Opens a case as the acting member: grid, category, severity, title. The client checks it
 * (the reporter must report inside their own unit); a refusal is shown with core's message.
 * Each submission carries a fresh idempotency key, so a retried request opens one case.
 *
 * @example
 * ```tsx
 * import { ReportForm, type ReportFormProps } from './ReportForm.js';
 * declare const props: ReportFormProps;
 * const form = <ReportForm {...props} />;
 * ```
 */
export function ReportForm(props: ReportFormProps) {
  const { client, org, directory, townId, memberId, lang } = props;
  const grids = org.units.filter(
    (u) => u.level === 'grid' && directory.ancestorAt(u.id, 'town')?.id === townId,
  );
  const [gridId, setGridId] = useState(grids[0]?.id ?? '');
  const [category, setCategory] = useState('riverPollution');
  const [severity, setSeverity] = useState<string>('medium');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<ZhizhiError | null>(null);
  const zh = lang === 'zh-CN' ? 0 : 1;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await client.report(
      { gridId, reporterId: memberId, category, severity, title: title.trim() },
      { idempotencyKey: crypto.randomUUID() },
    );
    if (!result.ok) return setError(result.error);
    setError(null);
    setTitle('');
    props.onReported(result.record.id);
  }

  return (
    <form onSubmit={submit} aria-label={text('newReport', lang)}>
      <h2>{text('newReport', lang)}</h2>
      <Field label={text('grid', lang)}>
        {(id) => (
          <select id={id} value={gridId} onChange={(e) => setGridId(e.target.value)}>
            {grids.map((g) => (
              <option key={g.id} value={g.id}>
                {pickText(g.name, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={text('category', lang)}>
        {(id) => (
          <select id={id} value={category} onChange={(e) => setCategory(e.target.value)}>
            {Object.entries(categoryNames).map(([key, names]) => (
              <option key={key} value={key}>
                {names[zh]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={text('severity', lang)}>
        {(id) => (
          <select id={id} value={severity} onChange={(e) => setSeverity(e.target.value)}>
            {severities.map((s) => (
              <option key={s} value={s}>
                {label('severity', s, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={text('caseTitle', lang)}>
        {(id) => (
          <input
            id={id}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={200}
          />
        )}
      </Field>
      <button type="submit" disabled={title.trim() === ''}>
        {text('report', lang)}
      </button>
      {error && (
        <p role="alert">
          {text('refused', lang)}: {error.message[lang === 'zh-CN' ? 'zh' : 'en']}
        </p>
      )}
    </form>
  );
}
