export { createNodeCrypto } from './create-node-crypto.js';
