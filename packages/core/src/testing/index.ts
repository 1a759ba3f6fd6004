export * from './http/index.js';
export * from './store/index.js';
