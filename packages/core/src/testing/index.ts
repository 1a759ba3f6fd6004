export * from './arbitraries/index.js';
export * from './http/index.js';
export * from './store/index.js';
