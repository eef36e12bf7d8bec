import type { Lang } from '@zhizhi/core';
import { forwardRef, type KeyboardEvent, useMemo, useState } from 'react';
import type { ScenarioDraft } from '../model/index.js';
import { canvasText } from './canvasText.js';
import { searchSteps } from './searchSteps.js';

/** Props of {@link StepSearch}. */
export interface StepSearchProps {
  doc: ScenarioDraft;
  lang: Lang;
  /** A step was chosen: select it and bring it to the centre. */
  onPick(step: string): void;
}

/**
 * A search box for a step (by id or label, zh-CN or English), as an ARIA combobox: type,
 * ↑/↓ to choose, Enter to show the step (selected, centred), Escape to close the list. The
 * designer focuses it on Ctrl/Cmd+F.
 *
 * @example
 * ```tsx
 * import { StepSearch } from '@zhizhi/designer';
 * <StepSearch doc={doc} lang="zh-CN" onPick={(id) => console.log(id)} />;
 * ```
 */
export const StepSearch = forwardRef<HTMLInputElement, StepSearchProps>(function StepSearch(
  { doc, lang, onPick },
  ref,
) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const found = useMemo(() => searchSteps(doc, query), [doc, query]);
  const shown = open && query.trim() !== '';
  const id = 'zz-step-search';
  const optionId = (i: number) => `${id}-${i}`;
  const pick = (i: number) => {
    const f = found[i];
    if (!f) return;
    setOpen(false);
    onPick(f.id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const n = found.length;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (shown) setOpen(false);
      else setQuery('');
    }
  };
  return (
    <div className="zz-search">
      <input
        ref={ref}
        id={id}
        type="search"
        role="combobox"
        aria-label={canvasText('search', lang)}
        placeholder={canvasText('searchHint', lang)}
        aria-autocomplete="list"
        aria-expanded={shown && found.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={shown && found.length > 0 ? optionId(active) : undefined}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label={canvasText('searchResults', lang)}
        className="zz-search__list"
        hidden={!shown || found.length === 0}
      >
        {shown
          ? found.map((f, i) => (
              <div
                key={f.id}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? 'zz-search__option--active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(i);
                }}
              >
                {lang === 'en' ? f.en : f.zh} <code>{f.id}</code>
              </div>
            ))
          : null}
      </div>
      {/* outside the listbox (which may hold only options), announced as a status */}
      <div role="status" className="zz-search__none" hidden={!shown || found.length > 0}>
        {shown && found.length === 0 ? canvasText('searchNone', lang) : null}
      </div>
    </div>
  );
});
