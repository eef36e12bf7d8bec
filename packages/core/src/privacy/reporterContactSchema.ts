import * as z from 'zod/mini';
import { isMainlandMobile } from './isMainlandMobile.js';
import { isResidentIdNumber } from './isResidentIdNumber.js';

const rule = (test: (v: string) => boolean, message: string) =>
  z.check<string>((ctx) => {
    if (!test(ctx.value)) ctx.issues.push({ code: 'custom', message, input: ctx.value });
  });

/**
 * zod schema of a reporter's contact details on a report (personal data: masked on every read
 * path but the reporter's own, see `maskCaseRecord`): a `phone` (a mainland mobile number,
 * required: it is what the contact is for), and optionally a `name` and an `idCard` (an
 * 18-character resident ID number with a valid check character). A bad value is refused at
 * `reporter.phone` / `reporter.idCard` with the rule it breaks.
 *
 * @example
 * ```ts
 * import { reporterContactSchema } from '@zhizhi/core/privacy';
 * reporterContactSchema.safeParse({ phone: '13812345678' }).success; // true
 * reporterContactSchema.safeParse({ phone: '12345' }).success; // false
 * ```
 */
export const reporterContactSchema = z.object({
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(50))),
  phone: z.string().check(rule(isMainlandMobile, 'a mainland mobile number (11 digits, 13–19…)')),
  idCard: z.optional(
    z
      .string()
      .check(
        rule(isResidentIdNumber, 'an 18-character resident ID number with its check character'),
      ),
  ),
});

/**
 * A reporter's contact details.
 *
 * @example
 * ```ts
 * import type { ReporterContact } from '@zhizhi/core/privacy';
 * const c: ReporterContact = { name: '王女士', phone: '13812345678' };
 * ```
 */
export type ReporterContact = z.infer<typeof reporterContactSchema>;
