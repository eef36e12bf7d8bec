import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { Directory, type Lang, type Org } from '@zhizhi/core';
import type { Diagnostic } from '@zhizhi/core/scenario';
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
import { LayoutButtons } from './layout/LayoutButtons.js';
import {
  type Command,
  checkDraft,
  type Draft,
  type DraftCheck,
  exportMachine,
  exportScenario,
  type Refusal,
  type ScenarioDraft,
  type StepKind,
} from './model/index.js';
import { DiagnosticsPanel } from './panels/DiagnosticsPanel.js';
import { Palette } from './panels/Palette.js';
import { PropertyPanel } from './panels/PropertyPanel.js';
import { ShortcutHelp } from './panels/ShortcutHelp.js';
import { StepSearch } from './panels/StepSearch.js';
import { uiText } from './panels/uiText.js';
import { PictureButtons } from './picture/PictureButtons.js';

/** What the designer exports: the scenario document or the compiled machine JSON. */
export type ExportKind = 'scenario' | 'machine';

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
  /** Export of a checked document (default: download the file). */
  onExport?(kind: ExportKind, json: string): void;
  /** More toolbar buttons (the standalone app's templates, import…). */
  toolbar?: ReactNode;
}

function download(name: string, json: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
  // the checker runs on every edit, except one that only moved steps (needsRecheck)
  const checked = useRef<{ directory: Directory | undefined; check: DraftCheck } | null>(null);
  const check = useMemo(() => {
    const prev = checked.current;
    if (prev && layoutOnly && prev.directory === directory) return prev.check;
    const next = checkDraft(doc, directory);
    checked.current = { directory, check: next };
    return next;
  }, [doc, directory, layoutOnly]);
  const [selection, setSelection] = useState<CanvasSelection>({ steps: new Set() });
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [focus, setFocus] = useState<{ step: string } | null>(null);
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
  const exportAs = (kind: ExportKind) => {
    let json: string;
    if (kind === 'scenario') {
      json = exportScenario(doc, props.source === undefined ? {} : { source: props.source });
    } else {
      const r = exportMachine(doc, directory);
      if (!r.ok) return;
      json = `${JSON.stringify(r.machine, null, 2)}\n`;
    }
    if (props.onExport) props.onExport(kind, json);
    else download(kind === 'scenario' ? `${doc.id}.json` : `${doc.id}.machine.json`, json);
  };
  const selectedStep = selection.steps.size === 1 ? [...selection.steps][0] : undefined;
  const blocked = !check.exportable;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the designer's keyboard shortcuts (undo, redo, delete) apply anywhere inside it
    <div
      className="zz-designer"
      lang={lang}
      ref={rootRef}
      tabIndex={-1}
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
        <button
          type="button"
          disabled={blocked}
          title={blocked ? uiText('exportBlocked', lang) : undefined}
          onClick={() => exportAs('scenario')}
        >
          {uiText('exportDoc', lang)}
        </button>
        <button
          type="button"
          disabled={blocked}
          title={blocked ? uiText('exportBlocked', lang) : undefined}
          onClick={() => exportAs('machine')}
        >
          {uiText('exportMachine', lang)}
        </button>
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
            ? `${uiText('refused', lang)}: ${refusals.map((r) => (lang === 'en' ? r.message.en : r.message.zh)).join('; ')}`
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
        />
      </div>
      <div className="zz-side">
        <PropertyPanel
          doc={doc}
          step={selectedStep}
          lang={lang}
          {...(props.org ? { org: props.org } : {})}
          run={runAndClear}
          onRefused={setRefusals}
        />
        <DiagnosticsPanel check={check} lang={lang} onFocus={onFocus} />
      </div>
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
