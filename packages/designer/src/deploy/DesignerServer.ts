/**
 * A zhizhi server the designer deploys to: its origin (the API is under `/api`) and a bearer
 * token of a member allowed to deploy (duty officer, commander, city operator).
 *
 * @example
 * ```ts
 * import type { DesignerServer } from '@zhizhi/designer';
 * const server: DesignerServer = { url: 'https://zhizhi.example', token: sessionToken };
 * ```
 */
export interface DesignerServer {
  url: string;
  token?: string;
}
