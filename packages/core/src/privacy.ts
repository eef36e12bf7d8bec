// @zhizhi/core/privacy — personal data: reporters' contact details and scenario fields marked
// `pii`; who may see them in clear (maySeePersonalData) and the one way they are masked.
export * from './privacy/index.js';
