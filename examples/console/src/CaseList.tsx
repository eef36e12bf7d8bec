import type { CaseRecord, Directory, Lang } from '@zhizhi/core';
import { pickText } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import { text } from './texts.js';

/**
 * Properties of {@link CaseList}.
 *
 * @example
 * ```ts
 * import type { CaseListProps } from './CaseList.js';
 * const onSelect: CaseListProps['onSelect'] = (id) => console.log(id);
 * ```
 */
export interface CaseListProps {
  cases: CaseRecord[];
  directory: Directory;
  selectedId: string | null;
  lang: Lang;
  onSelect(caseId: string): void;
}

/**
 * The town's cases as a table (title, grid, severity, status, version); a case's title opens
 * it. The rows come from `useCaseList`, so they change as the feed does.
 *
 * @example
 * ```tsx
 * import { CaseList, type CaseListProps } from './CaseList.js';
 * declare const props: CaseListProps;
 * const list = <CaseList {...props} />;
 * ```
 */
export function CaseList({ cases, directory, selectedId, lang, onSelect }: CaseListProps) {
  if (cases.length === 0) return <p>{text('noCases', lang)}</p>;
  return (
    <table>
      <caption>{text('cases', lang)}</caption>
      <thead>
        <tr>
          <th scope="col">{text('caseTitle', lang)}</th>
          <th scope="col">{text('grid', lang)}</th>
          <th scope="col">{text('severity', lang)}</th>
          <th scope="col">{text('status', lang)}</th>
          <th scope="col">{text('version', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => {
          const grid = directory.unit(c.context.gridId);
          return (
            <tr key={c.id} aria-current={c.id === selectedId ? 'true' : undefined}>
              <th scope="row">
                <button type="button" onClick={() => onSelect(c.id)}>
                  {c.context.title}
                </button>
              </th>
              <td>{grid ? pickText(grid.name, lang) : c.context.gridId}</td>
              <td>{label('severity', c.context.severity, lang)}</td>
              <td>{label('status', c.status, lang)}</td>
              <td>{c.version}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
