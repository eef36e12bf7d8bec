import { type Directory, type Lang, pickText } from '@zhizhi/core';
import {
  type EmbedOptions,
  exportEmbed,
  exportMachine,
  exportScenario,
  generateTestPaths,
  type ScenarioDraft,
  toEventsFile,
} from '../model/index.js';
import { uiText } from '../panels/uiText.js';
import type { ExportKind } from '../ScenarioDesigner.js';
import { embedTag } from './embedTag.js';
import { exportText } from './exportText.js';

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  doc: ScenarioDraft;
  /** False while the checker reports errors: every export is refused. */
  exportable: boolean;
  directory: Directory | undefined;
  lang: Lang;
  /** The imported text: the document is exported byte for byte while unchanged. */
  source?: string | undefined;
  /** The embed's options (default: tag `zz-<id>`, widgets from `/widgets/zhizhi-widgets.js`, `deploy`). */
  embed?: Partial<Omit<EmbedOptions, 'org'>> | undefined;
  /** Gets each exported file: its kind, text and file name. */
  onExport(kind: ExportKind, text: string, fileName: string): void;
  /** Says why an export did not happen (an embed option refused). */
  onRefused(message: { zh: string; en: string }): void;
}

/**
 * The designer's export menu: the scenario document, the compiled machine JSON, the embed
 * snippet (`exportEmbed`: the HTML and the `<tag>.js` script) and the generated test paths
 * (one events file per path, for `zhizhi simulate`). Refused while the checker reports errors
 * (the buttons are disabled and say why).
 *
 * @example
 * ```tsx
 * import { ExportMenu } from '@zhizhi/designer';
 * <ExportMenu doc={doc} exportable={check.exportable} directory={undefined} lang="zh-CN" onExport={save} onRefused={alert} />;
 * ```
 */
export function ExportMenu(props: ExportMenuProps) {
  const { doc, lang, directory } = props;
  const blocked = !props.exportable;
  const title = blocked ? uiText('exportBlocked', lang) : undefined;
  const exportAs = (kind: 'scenario' | 'machine' | 'embed' | 'testPaths') => {
    if (blocked) return;
    if (kind === 'scenario') {
      const text = exportScenario(doc, props.source === undefined ? {} : { source: props.source });
      props.onExport('scenario', text, `${doc.id}.json`);
    } else if (kind === 'machine') {
      const r = exportMachine(doc, directory);
      if (r.ok)
        props.onExport(
          'machine',
          `${JSON.stringify(r.machine, null, 2)}\n`,
          `${doc.id}.machine.json`,
        );
    } else if (kind === 'embed') {
      const options: EmbedOptions = {
        tag: embedTag(doc.id),
        widgetsUrl: '/widgets/zhizhi-widgets.js',
        element: { deploy: true },
        ...props.embed,
        ...(directory ? { org: directory } : {}),
      };
      const r = exportEmbed(doc, options);
      if (!r.ok) {
        const why = (l: Lang) =>
          r.reason === 'option'
            ? `${r.path}: ${pickText(r.message, l)}`
            : uiText('exportBlocked', l);
        props.onRefused({
          zh: `${exportText('embedRefused', 'zh-CN')}：${why('zh-CN')}`,
          en: `${exportText('embedRefused', 'en')}: ${why('en')}`,
        });
        return;
      }
      props.onExport('embed', r.html, `${options.tag}.html`);
      props.onExport('embedScript', r.script, r.scriptUrl.replace(/^.*\//, ''));
    } else {
      const { paths } = generateTestPaths(doc, directory ? { org: directory.org } : {});
      paths.forEach((p, i) => {
        props.onExport('testPaths', toEventsFile(p), `${doc.id}.path-${i + 1}.events.jsonl`);
      });
    }
  };
  const item = (kind: Parameters<typeof exportAs>[0], text: string) => (
    <button
      type="button"
      disabled={blocked}
      title={title}
      data-export={kind}
      onClick={() => exportAs(kind)}
    >
      {text}
    </button>
  );
  return (
    <>
      {item('scenario', uiText('exportDoc', lang))}
      {item('machine', uiText('exportMachine', lang))}
      {item('embed', exportText('embed', lang))}
      {item('testPaths', exportText('testPaths', lang))}
    </>
  );
}
