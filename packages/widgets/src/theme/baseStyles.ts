import { css } from 'lit';

/**
 * The styles every `zz-*` element starts from: its look comes from `--zz-*` custom properties
 * (they cross the shadow boundary, so a portal themes all elements from its own stylesheet),
 * and `large-text` (适老化) scales text and targets up.
 *
 * @example
 * ```css
 * zz-provider { --zz-color-accent: #b5121b; --zz-font-size: 16px; }
 * ```
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--zz-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    font-size: calc(var(--zz-font-size, 14px) * var(--zz-font-scale, 1));
    line-height: 1.5;
    color: var(--zz-color-text, #1f2328);
    background: var(--zz-color-bg, transparent);
  }
  :host([hidden]) {
    display: none;
  }
  :host([large-text]) {
    --zz-font-scale: var(--zz-large-text-scale, 1.3);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: calc(2em + 4px);
    padding: 0.2em 0.8em;
    border: 1px solid var(--zz-color-border, #8c959f);
    border-radius: var(--zz-radius, 4px);
    background: var(--zz-color-surface, #fff);
    cursor: pointer;
  }
  button.primary {
    background: var(--zz-color-accent, #0b5cad);
    border-color: var(--zz-color-accent, #0b5cad);
    color: var(--zz-color-on-accent, #fff);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  :focus-visible {
    outline: 3px solid var(--zz-color-focus, #d97706);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    min-height: calc(2em + 4px);
    padding: 0.2em 0.4em;
    border: 1px solid var(--zz-color-border, #8c959f);
    border-radius: var(--zz-radius, 4px);
    background: var(--zz-color-surface, #fff);
  }
  h2 {
    font-size: 1.2em;
    margin: 0 0 0.5em;
  }
  .muted {
    color: var(--zz-color-muted, #57606a);
  }
  .error {
    color: var(--zz-color-danger, #b42318);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
