export { createMemoryStores, type MemoryStores } from './create-memory-stores.js';
