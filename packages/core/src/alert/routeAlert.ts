import type { Recipient } from '../case/caseNotifications.js';
import { type Diagnostic, makeDiagnostic } from '../diagnostics/Diagnostic.js';
import { parseDuration } from '../sla/parseDuration.js';
import { alertCatalog } from './alertCatalog.js';
import type { AlertChannel, AlertRouting } from './alertRoutingSchema.js';
import type { Alert } from './alertSchema.js';
import type { AlertLevel } from './sensorReadingSchema.js';

/**
 * Where one alert goes, all at the same moment `at`: every recipient of its level, the
 * channels to push on, and the time by which it must be acknowledged (`null` once the alert
 * has cleared: the stand-down notice needs no acknowledgement). `diagnostics` names the
 * relative targets that could not be resolved (an alert without a town or grid).
 *
 * @example
 * ```ts
 * import type { AlertRoute } from '@zhizhi/core/alert';
 * const overdue = (r: AlertRoute, now: number) => r.acknowledgeBy !== null && now > r.acknowledgeBy;
 * ```
 */
export interface AlertRoute {
  alertId: string;
  level: AlertLevel;
  at: number;
  to: Recipient[];
  channels: AlertChannel[];
  acknowledgeBy: number | null;
  diagnostics: Diagnostic[];
}

/**
 * Routes an alert by its level (分级推送): one record naming every recipient of that level,
 * so the article's level-1 leakage warning reaches the town's fire-management post and the
 * district city-operations center at the same moment. `at` defaults to when the alert
 * reached its level (`updatedAt`, or `clearedAt` once cleared); the acknowledge deadline is
 * `at` plus the level's `acknowledgeWithin`. Duplicate recipients are listed once.
 *
 * @example
 * ```ts
 * import { type Alert, type AlertRouting, routeAlert } from '@zhizhi/core/alert';
 * declare const alert: Alert;
 * declare const routing: AlertRouting;
 * // routing.levels[1] = { to: [post qj-sj-xfgl, cityOperationsCenter qj-cyzx], acknowledgeWithin: 'PT5M', … }
 * const r = routeAlert(alert, routing);
 * r.to;            // [{ kind: 'post', id: 'qj-sj-xfgl' }, { kind: 'cityOperationsCenter', id: 'qj-cyzx' }]
 * r.acknowledgeBy; // r.at + 300_000
 * ```
 */
export function routeAlert(
  alert: Alert,
  routing: AlertRouting,
  options: { at?: number } = {},
): AlertRoute {
  const rule = routing.levels[alert.level];
  const at = options.at ?? alert.clearedAt ?? alert.updatedAt;
  const to: Recipient[] = [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const [index, target] of rule.to.entries()) {
    let id = target.id;
    if (id === undefined) {
      const field = target.kind === 'grid' ? 'gridId' : 'townId';
      const own = alert[field];
      if (own === null) {
        diagnostics.push(
          makeDiagnostic(
            alertCatalog,
            'routing.unresolved',
            ['levels', alert.level, 'to', index],
            { alertId: alert.alertId, field, kind: target.kind },
            'warning',
          ),
        );
        continue;
      }
      id = own;
    }
    const key = `${target.kind}\u0000${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    to.push({ kind: target.kind, id });
  }
  return {
    alertId: alert.alertId,
    level: alert.level,
    at,
    to,
    channels: [...rule.channels],
    acknowledgeBy: alert.clearedAt === null ? at + parseDuration(rule.acknowledgeWithin) : null,
    diagnostics,
  };
}
