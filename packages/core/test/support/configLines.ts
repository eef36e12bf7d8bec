import { checkConfig } from '../../src/config.js';

/** `checkConfig`'s diagnostics as `path: message` lines (English), for compact assertions. */
export function configLines(config: Parameters<typeof checkConfig>[0]): string[] {
  return checkConfig(config).map((d) => `${d.path.join('.')}: ${d.message.en}`);
}
