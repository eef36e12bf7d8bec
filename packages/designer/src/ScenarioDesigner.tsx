import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { Directory, type Lang, type Org, pickText } from '@zhizhi/core';
import type { Diagnostic, Scenario } from '@zhizhi/core/scenario';
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { addStepAt, type CanvasSelection, DesignerCanvas } from './canvas/DesignerCanvas.js';
import { useDesignerDraft } from './canvas/useDesignerDraft.js';
import { useStepClipboard } from './canvas/useStepClipboard.js';
import { useDraftCheck } from './check/useDraftCheck.js';
import { DeployDialog } from './deploy/DeployDialog.js';
import type { DesignerServer } from './deploy/DesignerServer.js';
import { downloadFile } from './export/downloadFile.js';
import { ExportMenu } from './export/ExportMenu.js';
import { exportText } from './export/exportText.js';
import { LayoutButtons } from './layout/LayoutButtons.js';
import type {
  Command,
  Draft,
  EmbedOptions,
  Refusal,
  ScenarioDraft,
  StepKind,
} from './model/index.js';
import { DiagnosticsPanel } from './panels/DiagnosticsPanel.js';
import { Palette } from './panels/Palette.js';
import { PropertyPanel } from './panels/PropertyPanel.js';
import { ShortcutHelp } from './panels/ShortcutHelp.js';
import { StepSearch } from './panels/StepSearch.js';
import { uiText } from './panels/uiText.js';
import { PictureButtons } from './picture/PictureButtons.js';
import { SimulationPanel } from './simulation/SimulationPanel.js';
import { simText } from './simulation/simText.js';

/**
 * What the designer exports: the scenario document, the compiled machine JSON, the embed
 * snippet (`embed`, HTML) and its script (`embedScript`), the generated test paths as one
 * events file per path (`testPaths`, JSON: `{ name, events }[]`), or a simulated run as an
 * events file (`run`).
 */
export type ExportKind = 'scenario' | 'machine' | 'embed' | 'embedScript' | 'testPaths' | 'run';

/**
 * Props of {@link ScenarioDesigner}.
 *
 * @example
 * ```ts
 * import type { ScenarioDesignerProps } from '@zhizhi/designer';
 * const props: Partial<ScenarioDesignerProps> = { lang: 'en' };
 * ```
 */
export interface ScenarioDesignerProps {
  /** The scenario document (controlled: pass back what `onChange` gives). */
  value: ScenarioDraft;
  /** Hears every edit: the new document and the draft (with its undo history). */
  onChange?(doc: ScenarioDraft, draft: Draft): void;
  /** The org the scenario runs in: pickers list its posts, departments and grids; the checker checks them. */
  org?: Org;
  /** The reader's language (default zh-CN). */
  lang?: Lang;
  /** With it, the toolbar shows a language switch. */
  onLangChange?(lang: Lang): void;
  /** A draft to start from (its `doc` must be `value`): restores the undo history. */
  history?: Draft;
  /** The text `value` was imported from: exported byte for byte while the document is unchanged. */
  source?: string;
  /** Export of a checked document (default: download the file named `fileName`). */
  onExport?(kind: ExportKind, text: string, fileName: string): void;
  /** Options of the embed export (default: tag `zz-<id>`, widgets at `/widgets/zhizhi-widgets.js`, `deploy`). */
  embed?: Partial<Omit<EmbedOptions, 'org'>>;
  /** A zhizhi server to deploy to: the toolbar shows Deploy (the diff first, then `PUT /api/scenarios/{id}`). */
  server?: DesignerServer;
  /** More toolbar buttons (the standalone app's templates, import…). */
  toolbar?: ReactNode;
}

const noSteps: ReadonlySet<string> = new Set();

const editable = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName));

function Designer(props: ScenarioDesignerProps) {
  const lang = props.lang ?? 'zh-CN';
  const { draft, layoutOnly, run, undo, redo } = useDesignerDraft(
    props.value,
    props.onChange,
    props.history,
  );
  const doc = draft.doc;
  const directory = useMemo(() => (props.org ? new Directory(props.org) : undefined), [props.org]);
  // the checker runs on every edit, except one that only moved steps; from
  // WORKER_CHECK_STEPS steps on, in a Web Worker (useDraftCheck)
  const { check, checking, where } = useDraftCheck(doc, props.org, directory, layoutOnly);
  const [selection, setSelection] = useState<CanvasSelection>({ steps: new Set() });
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [focus, setFocus] = useState<{ step: string } | null>(null);
  const [simulating, setSimulating] = useState(false);
  const [deploying, setDeploying] = useState(false);
  const [active, setActive] = useState<ReadonlySet<string>>(noSteps);
  const canvasRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
  const added = useRef(0);

  const runAndClear = useCallback(
    (commands: readonly Command[], group?: string) => {
      const r = run(commands, group);
      if (r.length === 0) setRefusals([]);
      return r;
    },
    [run],
  );
  const onFocus = useCallback((d: Diagnostic) => {
    if (d.stepId === undefined) return;
    setSelection({ steps: new Set([d.stepId]) });
    setFocus({ step: d.stepId });
  }, []);
  const onAdd = useCallback(
    (kind: StepKind) => {
      const box = canvasRef.current?.getBoundingClientRect();
      const centre = box
        ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
        : { x: 0, y: 0 };
      const shift = (added.current++ % 8) * 24;
      const p = { x: Math.round(centre.x - 100 + shift), y: Math.round(centre.y - 30 + shift) };
      const r = addStepAt(doc, [], kind, p, runAndClear);
      if (r.refusals.length > 0) setRefusals(r.refusals);
      else setSelection({ steps: new Set([r.id]) });
    },
    [doc, flow, runAndClear],
  );
  // search (Ctrl/Cmd+F), copy/paste of steps (Ctrl/Cmd+C/V), the shortcuts popover (?)
  const searchRef = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  const pasted = useRef(0);
  useStepClipboard({
    root: rootRef,
    doc,
    selected: selection.steps,
    run: runAndClear,
    onPasted: (count) => {
      pasted.current = count;
    },
    onRefused: setRefusals,
  });
  useEffect(() => {
    if (pasted.current === 0) return;
    setSelection({ steps: new Set(doc.steps.slice(-pasted.current).map((s) => s.id)) });
    pasted.current = 0;
  }, [doc]);
  const onPick = useCallback((step: string) => {
    setSelection({ steps: new Set([step]) });
    setFocus({ step });
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && key === 'f') {
      e.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
      return;
    }
    if (editable(e.target)) return;
    if (e.key === '?') {
      e.preventDefault();
      setHelp(true);
    } else if (mod && key === 'z') {
      e.preventDefault();
      if (e.shiftKey) redo();
      else undo();
    } else if (mod && key === 'y') {
      e.preventDefault();
      redo();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      const commands: Command[] = [];
      if (selection.edge) {
        const [from = '', outcome = ''] = selection.edge.split('::');
        commands.push({ type: 'disconnect', from, outcome });
      }
      for (const step of selection.steps) commands.push({ type: 'deleteStep', step });
      if (commands.length === 0) return;
      e.preventDefault();
      const r = runAndClear(commands);
      if (r.length > 0) setRefusals(r);
      else setSelection({ steps: new Set() });
      // the focused node is gone: keep the keyboard in the designer (Ctrl+Z undoes the delete)
      rootRef.current?.focus({ preventScroll: true });
    }
  };
  const onPointerDown = () => {
    const root = rootRef.current;
    if (root && !root.contains(document.activeElement)) root.focus({ preventScroll: true });
  };
  const exportFile = (kind: ExportKind, text: string, fileName: string) => {
    if (props.onExport) props.onExport(kind, text, fileName);
    else downloadFile(fileName, text);
  };
  const selectedStep = selection.steps.size === 1 ? [...selection.steps][0] : undefined;
  // while a large document is being checked, its findings are not known yet
  const blocked = !check.exportable || checking;
  const simulate = simulating && !blocked;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the designer's keyboard shortcuts (undo, redo, delete) apply anywhere inside it
    <div
      className="zz-designer"
      lang={lang}
      ref={rootRef}
      tabIndex={-1}
      data-check={checking ? 'checking' : where}
      onKeyDown={onKeyDown}
      onPointerDownCapture={onPointerDown}
    >
      <div className="zz-toolbar" role="toolbar" aria-label={doc.name?.zh ?? doc.id}>
        <button type="button" onClick={undo} disabled={draft.done.length === 0}>
          {uiText('undo', lang)}
        </button>
        <button type="button" onClick={redo} disabled={draft.undone.length === 0}>
          {uiText('redo', lang)}
        </button>
        <ExportMenu
          doc={doc}
          exportable={!blocked}
          directory={directory}
          lang={lang}
          source={props.source}
          embed={props.embed}
          onExport={exportFile}
          onRefused={(message) =>
            setRefusals([
              { code: 'designer.exportRefused', path: [], severity: 'error', message } as Refusal,
            ])
          }
        />
        <button
          type="button"
          aria-pressed={simulate}
          disabled={blocked}
          title={blocked ? simText('blocked', lang) : undefined}
          onClick={() => setSimulating(!simulating)}
        >
          {simText('simulate', lang)}
        </button>
        {props.server ? (
          <button
            type="button"
            data-testid="deploy"
            disabled={blocked}
            title={blocked ? exportText('deployBlocked', lang) : undefined}
            onClick={() => setDeploying(true)}
          >
            {exportText('deploy', lang)}
          </button>
        ) : null}
        <PictureButtons doc={doc} check={check} lang={lang} />
        <LayoutButtons
          doc={doc}
          lang={lang}
          selected={selection.steps}
          run={runAndClear}
          onRefused={setRefusals}
        />
        <StepSearch ref={searchRef} doc={doc} lang={lang} onPick={onPick} />
        <ShortcutHelp lang={lang} open={help} onOpenChange={setHelp} />
        {props.toolbar}
        {props.onLangChange ? (
          <button
            type="button"
            onClick={() => props.onLangChange?.(lang === 'en' ? 'zh-CN' : 'en')}
          >
            {uiText('language', lang)}
          </button>
        ) : null}
        <span className="zz-status" role="status">
          {refusals.length > 0
            ? `${uiText('refused', lang)}: ${refusals.map((r) => pickText(r.message, lang)).join('; ')}`
            : ''}
        </span>
      </div>
      <Palette doc={doc} lang={lang} onAdd={onAdd} />
      <div className="zz-canvas" ref={canvasRef}>
        <DesignerCanvas
          doc={doc}
          check={check}
          lang={lang}
          selection={selection}
          onSelectionChange={setSelection}
          run={runAndClear}
          onRefused={setRefusals}
          focus={focus}
          {...(simulate ? { active } : {})}
        />
      </div>
      <div className="zz-side">
        {simulate ? (
          <SimulationPanel
            doc={doc as unknown as Scenario}
            lang={lang}
            {...(props.org ? { org: props.org } : {})}
            onActive={setActive}
            onSaveRun={(text) => exportFile('run', text, `${doc.id}.run.events.jsonl`)}
          />
        ) : (
          <PropertyPanel
            doc={doc}
            step={selectedStep}
            lang={lang}
            {...(props.org ? { org: props.org } : {})}
            run={runAndClear}
            onRefused={setRefusals}
          />
        )}
        <DiagnosticsPanel check={check} lang={lang} onFocus={onFocus} />
      </div>
      {deploying && props.server && !blocked ? (
        <DeployDialog
          doc={doc}
          server={props.server}
          lang={lang}
          onFocus={onFocus}
          onClose={() => setDeploying(false)}
        />
      ) : null}
    </div>
  );
}

/**
 * The scenario designer: palette, canvas, property panel and diagnostics over one scenario
 * document, every edit a model command on one undo stack (Ctrl/Cmd+Z, Shift+Z), the checker
 * run on every edit, export refused while errors remain. Import `@xyflow/react/dist/style.css`
 * and `@zhizhi/designer/designer.css` once in the page.
 *
 * @example
 * ```tsx
 * import '@xyflow/react/dist/style.css';
 * import '@zhizhi/designer/designer.css';
 * import { ScenarioDesigner } from '@zhizhi/designer';
 * import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
 *
 * function App() {
 *   const [doc, setDoc] = useState(builtInScenarios[3]);
 *   return <ScenarioDesigner value={doc} onChange={setDoc} org={sampleOrg} lang="zh-CN" />;
 * }
 * ```
 */
export function ScenarioDesigner(props: ScenarioDesignerProps) {
  return (
    <ReactFlowProvider>
      <Designer {...props} />
    </ReactFlowProvider>
  );
}
