export * from './http/index.js';
export * from './mqtt/index.js';
export * from './start/index.js';
export * from './store/index.js';
