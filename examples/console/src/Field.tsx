import { type ReactNode, useId } from 'react';

/**
 * Properties of {@link Field}.
 *
 * @example
 * ```ts
 * import type { FieldProps } from './Field.js';
 * const name: FieldProps['label'] = '标题';
 * ```
 */
export interface FieldProps {
  label: string;
  /** Renders the control with the id the label points to. */
  children(id: string): ReactNode;
}

/**
 * A label beside (not around) its control, tied by `htmlFor`: the control's accessible name
 * is the label alone, not the label plus a select's options.
 *
 * @example
 * ```tsx
 * import { Field } from './Field.js';
 * const title = <Field label="标题">{(id) => <input id={id} />}</Field>;
 * ```
 */
export function Field({ label, children }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
