import type { ZhizhiError } from '@zhizhi/core';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The one error body of the HTTP API: a stable code, the message in zh-CN and English, and
 * where it applies. Nothing the client sent is echoed in it except through JSON encoding. */
export interface ApiError {
  code: string;
  message: { zh: string; en: string };
  path?: (string | number)[];
  params?: Record<string, string | number>;
  /** The checker's diagnostics of a refused scenario deploy (422). */
  diagnostics?: unknown[];
  /** The record's version now, on a 409 version conflict. */
  currentVersion?: number;
}

/** An error with its HTTP status, thrown by route handlers and turned into {@link ApiError}. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message.en);
    this.name = 'HttpError';
  }
}

const httpCatalog = {
  'auth.missing': {
    zh: '缺少身份令牌（Authorization: Bearer）',
    en: 'Missing bearer token (Authorization: Bearer)',
  },
  'auth.invalid': { zh: '身份令牌无效或已过期', en: 'Invalid or expired token' },
  'auth.unknownMember': {
    zh: '令牌中的成员不在组织目录中',
    en: 'The token’s member is not in the org directory',
  },
  'auth.notCaller': {
    zh: '{field} 必须是当前登录成员',
    en: '{field} must be the calling member',
  },
  'auth.outsideScope': {
    zh: '无权查看或操作该对象',
    en: 'Outside what the calling member may see or do',
  },
  'auth.roleNotAllowed': {
    zh: '角色 {role} 无权执行此操作',
    en: 'Role {role} may not do this',
  },
  'request.invalid': { zh: '请求数据无效：{path} {rule}', en: 'Invalid request at {path}: {rule}' },
  'request.malformed': { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'request.tooLarge': { zh: '请求体过大', en: 'The request body is too large' },
  'request.unsupportedType': {
    zh: '不支持的内容类型',
    en: 'Unsupported content type',
  },
  'request.rateLimited': {
    zh: '请求过于频繁，请 {retryAfter} 秒后再试',
    en: 'Too many requests: retry in {retryAfter} s',
  },
  'request.ifMatch': {
    zh: 'If-Match 须为版本号',
    en: 'If-Match must be a version number',
  },
  'route.notFound': { zh: '接口不存在', en: 'No such endpoint' },
  'scenario.idMismatch': {
    zh: '文档 id 与路径不一致',
    en: 'The document’s id does not match the path',
  },
  'scenario.invalid': {
    zh: '场景文档未通过检查（{count} 个问题）',
    en: 'The scenario document failed its checks ({count} issues)',
  },
  'scenario.notFound': {
    zh: '场景 {id}@{version} 不存在',
    en: 'Scenario {id}@{version} does not exist',
  },
  'instance.notFound': { zh: '实例 {id} 不存在', en: 'Instance {id} does not exist' },
  'feed.gap': {
    zh: '变更流已不包含 {since} 之后的全部变更，请重新读取状态',
    en: 'The feed no longer holds every change after {since}: read the state again',
  },
  'privacy.notAllowed': {
    zh: '角色 {role} 无权查看此记录的个人信息（仅报告人本人、所属镇街的值班员和指挥长、正在办理的岗位或部门）',
    en: 'Role {role} may not see this record’s personal data (only the reporter, the town’s duty officers and commanders, and the post or department handling it)',
  },
  'demo.disabled': { zh: '演示模式未开启', en: 'Demo mode is off' },
  'photo.empty': { zh: '照片为空', en: 'The photo is empty' },
  'photo.typeMismatch': {
    zh: '照片内容（{actual}）与声明的类型 {declared} 不符：只接受 JPEG、PNG、WebP',
    en: 'The photo’s bytes ({actual}) do not match its declared type {declared}: only JPEG, PNG and WebP are accepted',
  },
  'photo.notFound': { zh: '照片 {id} 不存在', en: 'Photo {id} does not exist' },
  internal: { zh: '服务器内部错误', en: 'Internal server error' },
} as const;

export type HttpErrorCode = keyof typeof httpCatalog;

const fill = (t: string, params: Record<string, string | number>) =>
  t.replace(/\{(\w+)\}/g, (_, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : ''));

/** Builds an {@link ApiError} of the server's own catalogue. */
export function apiError(
  code: HttpErrorCode,
  params: Record<string, string | number> = {},
  path?: (string | number)[],
): ApiError {
  const t = httpCatalog[code];
  return {
    code,
    message: { zh: fill(t.zh, params), en: fill(t.en, params) },
    ...(path ? { path } : {}),
    params,
  };
}

/** Throws an {@link HttpError} of the server's catalogue. */
export function fail(
  status: number,
  code: HttpErrorCode,
  params: Record<string, string | number> = {},
  path?: (string | number)[],
): never {
  throw new HttpError(status, apiError(code, params, path));
}

const byCode: Record<string, number> = {
  'case.notFound': 404,
  'run.notFound': 404,
  'run.unknownScenario': 404,
  'store.conflict': 409,
  'run.conflict': 409,
  'case.exists': 409,
  'run.exists': 409,
  'run.alreadyDeployed': 409,
  'case.closed': 409,
  'run.finished': 409,
  'run.notActive': 409,
  'event.wrongState': 409,
  'event.notApplicable': 409,
  'handoff.delivered': 409,
  'handoff.mismatch': 409,
  'run.notAssignee': 403,
  'run.outsideTown': 403,
  'run.unknownActor': 403,
  'run.notInList': 400,
  'case.mergeTarget': 422,
};

const byFamily: Record<string, number> = {
  actor: 403,
  payload: 400,
  event: 400,
  routing: 422,
  run: 400,
  restore: 400,
  audit: 409,
  scenario: 422,
  checkIn: 403,
};

/** The HTTP status of a core {@link ZhizhiError}, by its code, then by its code's family. */
export function statusOf(error: ZhizhiError): number {
  return byCode[error.code] ?? byFamily[error.code.split('.')[0] ?? ''] ?? 400;
}

/** A core error as an {@link HttpError}. */
export function fromCore(error: ZhizhiError): HttpError {
  const body: ApiError = {
    code: error.code,
    message: error.message,
    path: error.path,
    params: error.params,
  };
  if (
    (error.code === 'store.conflict' || error.code === 'run.conflict') &&
    typeof error.params.actual === 'number'
  )
    body.currentVersion = error.params.actual;
  return new HttpError(statusOf(error), body);
}

const STATUS_CODES: Record<number, Parameters<typeof apiError>[0]> = {
  413: 'request.tooLarge',
  415: 'request.unsupportedType',
};

/** Maps anything thrown in a request to a status and an {@link ApiError}. */
export function toApiError(error: unknown): { status: number; body: ApiError } {
  if (error instanceof HttpError) return { status: error.status, body: error.body };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const rest = (issue?.instancePath ?? '/')
      .split('/')
      .filter(Boolean)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const path = [where, ...rest];
    return {
      status: 400,
      body: apiError(
        'request.invalid',
        { path: path.join('.'), rule: String(issue?.message ?? 'invalid').slice(0, 200) },
        path,
      ),
    };
  }
  const e = error as { statusCode?: number; code?: string };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (STATUS_CODES[status]) return { status, body: apiError(STATUS_CODES[status]) };
  if (status === 400 && typeof e.code === 'string' && e.code.startsWith('FST_ERR_CTP'))
    return { status, body: apiError('request.malformed') };
  if (status === 400) return { status, body: apiError('request.malformed') };
  if (status >= 400 && status < 500)
    return { status, body: apiError('request.invalid', { path: '', rule: 'refused' }) };
  return { status: 500, body: apiError('internal') };
}
