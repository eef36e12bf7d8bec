import {
  createCaseMachine,
  type Directory,
  type DutyLists,
  type Lang,
  type Org,
  pickText,
} from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';
import { useMemo, useState } from 'react';
import type { TargetOption } from './ActionForm.js';
import { CaseDetail } from './CaseDetail.js';
import { CaseList } from './CaseList.js';
import { Field } from './Field.js';
import { ReportForm } from './ReportForm.js';
import { text } from './texts.js';
import { memberName, townMembers } from './townMembers.js';
import { useCaseList } from './useCaseList.js';

/**
 * Properties of {@link App}.
 *
 * @example
 * ```ts
 * import type { AppProps } from './App.js';
 * const town: AppProps['townId'] = 'qj-sj';
 * ```
 */
export interface AppProps {
  client: Client;
  org: Org;
  directory: Directory;
  dutyLists?: DutyLists | undefined;
  /** The town whose command center this is (default 三江街道, `qj-sj`). */
  townId?: string;
  /** zh-CN by default. */
  lang?: Lang;
  /** Who acts at first (default the town's duty officer). */
  memberId?: string;
}

/**
 * The command-center console: the acting member and the language at the top, a report form,
 * the town's cases (live from the client's change feed), and the selected case's page driven
 * by the case machine.
 *
 * @example
 * ```tsx
 * import { createRoot } from 'react-dom/client';
 * import { App } from './App.js';
 * import { createConsoleClient } from './createConsoleClient.js';
 * const { client, org, directory, dutyLists } = createConsoleClient();
 * createRoot(document.getElementById('root')!).render(
 *   <App client={client} org={org} directory={directory} dutyLists={dutyLists} />,
 * );
 * ```
 */
export function App(props: AppProps) {
  const { client, org, directory, dutyLists } = props;
  const townId = props.townId ?? 'qj-sj';
  const [lang, setLang] = useState<Lang>(props.lang ?? 'zh-CN');
  const [memberId, setMemberId] = useState(props.memberId ?? `${townId}-duty`);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const cases = useCaseList(client, townId);
  const members = useMemo(() => townMembers(org, directory, townId), [org, directory, townId]);
  const machine = useMemo(
    () => createCaseMachine({ directory, dutyLists }),
    [directory, dutyLists],
  );
  const targets = useMemo<TargetOption[]>(() => {
    const district = directory.ancestorAt(townId, 'district')?.id;
    return [
      ...org.posts
        .filter((p) => p.townId === townId)
        .map((p) => ({
          target: { kind: 'post' as const, id: p.id },
          name: pickText(p.name, lang),
        })),
      ...org.departments
        .filter((d) => d.districtId === district && d.kind === 'department')
        .map((d) => ({
          target: { kind: 'department' as const, id: d.id },
          name: pickText(d.name, lang),
        })),
    ];
  }, [org, directory, townId, lang]);
  const selected = cases.find((c) => c.id === selectedId);

  return (
    <div lang={lang}>
      <header>
        <h1>{text('title', lang)}</h1>
        <Field label={text('member', lang)}>
          {(id) => (
            <select id={id} value={memberId} onChange={(e) => setMemberId(e.target.value)}>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {memberName(directory, m.id, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
          {text('switchLang', lang)}
        </button>
      </header>
      <main>
        <ReportForm
          client={client}
          org={org}
          directory={directory}
          townId={townId}
          memberId={memberId}
          lang={lang}
          onReported={setSelectedId}
        />
        <section aria-label={text('cases', lang)}>
          <CaseList
            cases={cases}
            directory={directory}
            selectedId={selectedId}
            lang={lang}
            onSelect={setSelectedId}
          />
        </section>
        {selected ? (
          <CaseDetail
            key={selected.id}
            client={client}
            machine={machine}
            record={selected}
            directory={directory}
            dutyLists={dutyLists}
            targets={targets}
            memberId={memberId}
            lang={lang}
          />
        ) : (
          <p>{text('pickCase', lang)}</p>
        )}
      </main>
    </div>
  );
}
