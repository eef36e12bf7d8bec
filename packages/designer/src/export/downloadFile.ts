/**
 * Downloads `text` as a file named `name` (a Blob URL and an `<a download>`), as the designer's
 * exports do.
 *
 * @example
 * ```ts
 * import { downloadFile } from '@zhizhi/designer';
 * downloadFile('run.events.jsonl', '{"advance":"PT5M"}\n', 'application/x-ndjson');
 * ```
 */
export function downloadFile(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
