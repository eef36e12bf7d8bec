const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Formats epoch ms as a CAP 1.2 dateTime: whole seconds (CAP allows no fractions) with a
 * numeric offset (CAP forbids `Z`; UTC is written `-00:00`). The default offset is China
 * Standard Time, `+08:00`.
 *
 * @example
 * ```ts
 * import { formatCapDateTime } from '@zhizhi/core/alert';
 * formatCapDateTime(Date.UTC(2024, 4, 1, 2, 0, 0, 750)); // '2024-05-01T10:00:00+08:00'
 * formatCapDateTime(0, 0); // '1970-01-01T00:00:00-00:00'
 * ```
 */
export function formatCapDateTime(ms: number, utcOffsetMinutes = 480): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + utcOffsetMinutes * 60_000);
  const off = Math.abs(utcOffsetMinutes);
  const sign = utcOffsetMinutes > 0 ? '+' : '-';
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`
  );
}

const CAP_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Parses a CAP dateTime (`2024-05-01T10:00:00+08:00`) into epoch ms, or `null` if it is not
 * one (or is before 1970). Lenient where senders commonly stray: `Z` and fractional seconds
 * are accepted.
 *
 * @example
 * ```ts
 * import { parseCapDateTime } from '@zhizhi/core/alert';
 * parseCapDateTime('2024-05-01T10:00:00+08:00'); // 1714528800000
 * parseCapDateTime('2024-02-30T10:00:00+08:00'); // null
 * ```
 */
export function parseCapDateTime(text: string): number | null {
  const m = CAP_DATE_TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const oh = Number(m[9] ?? 0);
  const om = Number(m[10] ?? 0);
  if (oh > 23 || om > 59) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(local).getUTCDate() !== d) return null;
  const fraction = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  const offset = (m[8]?.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
  const ms = local - offset + fraction;
  return ms >= 0 && Number.isSafeInteger(ms) ? ms : null;
}
