import type { Lang } from '@zhizhi/core';
import type { FieldType } from '@zhizhi/core/expr';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { canvasText } from './canvasText.js';
import { completeCondition, fieldChoices } from './conditionCompletions.js';
import { conditionProblems, conditionProblemText } from './conditionProblems.js';

/** Props of {@link ConditionEditor}. */
export interface ConditionEditorProps {
  id: string;
  value: string;
  /** The scenario's data fields (what a condition can read). */
  fields: readonly { id: string; type: FieldType }[];
  lang: Lang;
  /** Hears the new text on Enter or blur, when it changed (one undo step per edit). */
  onCommit(value: string): void;
}

/**
 * A decision branch's condition (`when`): a text input following the ARIA combobox pattern
 * that offers the scenario's field paths as you type (↑/↓ choose, Enter takes, Escape closes,
 * Ctrl+Space opens), and shows core's parser and type checker findings inline while typing,
 * with the column of a syntax error marked. Commits on Enter or blur.
 *
 * @example
 * ```tsx
 * import { ConditionEditor } from '@zhizhi/designer';
 * <ConditionEditor id="when" value="level > 1" fields={doc.fields} lang="zh-CN" onCommit={save} />;
 * ```
 */
export function ConditionEditor(props: ConditionEditorProps) {
  const { id, fields, lang } = props;
  const [text, setText] = useState(props.value);
  const [caret, setCaret] = useState(props.value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setText(props.value), [props.value]);
  const all = useMemo(() => fieldChoices(fields), [fields]);
  const completions = useMemo(() => completeCondition(text, caret, all), [text, caret, all]);
  const problems = useMemo(() => conditionProblems(text, fields), [text, fields]);
  const shown = open && completions.choices.length > 0;
  const listId = `${id}-fields`;
  const errId = `${id}-problems`;
  const optionId = (i: number) => `${id}-field-${i}`;

  const commit = () => {
    if (text !== props.value) props.onCommit(text);
  };
  const accept = (i: number) => {
    const choice = completions.choices[i];
    if (!choice) return;
    const next = text.slice(0, completions.from) + choice.path + text.slice(completions.to);
    const at = completions.from + choice.path.length;
    setText(next);
    setCaret(at);
    setOpen(false);
    requestAnimationFrame(() => input.current?.setSelectionRange(at, at));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = completions.choices.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!shown) {
        setOpen(true);
        setActive(0);
      } else setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (shown) accept(active);
      else commit();
    } else if (e.key === 'Escape') {
      if (shown) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      }
    } else if (e.key === ' ' && e.ctrlKey) {
      e.preventDefault();
      setOpen(true);
      setActive(0);
    }
  };
  const first = problems[0];
  return (
    <div className="zz-condition">
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown ? optionId(active) : undefined}
        aria-invalid={problems.length > 0}
        aria-describedby={errId}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setOpen(true);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          commit();
        }}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={canvasText('conditionFields', lang)}
        className="zz-condition__list"
        hidden={!shown}
      >
        {shown
          ? completions.choices.map((c, i) => (
              <div
                key={c.path}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? 'zz-condition__option--active' : undefined}
                // keep the focus in the input: take the choice on press
                onMouseDown={(e) => {
                  e.preventDefault();
                  accept(i);
                }}
              >
                <code>{c.path}</code> <span className="zz-condition__type">{c.type}</span>
              </div>
            ))
          : null}
      </div>
      <p id={errId} className={first ? 'zz-condition__error' : 'zz-condition__ok'} role="status">
        {first ? (
          <>
            {first.offset !== undefined ? (
              <code className="zz-condition__source" aria-hidden="true">
                {text.slice(0, first.offset)}
                <mark>{text.slice(first.offset, first.offset + 1) || ' '}</mark>
                {text.slice(first.offset + 1)}
              </code>
            ) : null}
            {problems.map((p) => conditionProblemText(p, lang)).join('; ')}
          </>
        ) : text === '' ? (
          ''
        ) : (
          canvasText('conditionOk', lang)
        )}
      </p>
    </div>
  );
}
