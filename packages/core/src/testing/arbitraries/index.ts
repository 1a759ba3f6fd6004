export {
  type CredentialOfferArbitraryOptions,
  credentialOfferArbitrary,
} from './credential-offer-arbitrary.js';
export { txCodeConfigurationArbitrary } from './transaction-code-configuration-arbitrary.js';
export { trickyTextArbitrary } from './tricky-text-arbitrary.js';
export { txCodeObjectArbitrary } from './tx-code-object-arbitrary.js';
