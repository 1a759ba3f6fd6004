const PRE_AUTHORIZED = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const MAX_DESCRIPTION = 300;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lintIdList(name: string, value: unknown, problems: string[]): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`${name} must be an array`);
    return undefined;
  }
  if (value.length === 0)
    problems.push(`${name} is empty (it must list at least one credential configuration)`);
  const ids: string[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string') {
      if (item === '') problems.push(`${name}[${index}] is an empty id`);
      ids.push(item);
    } else if (name === 'credentials' && isObject(item)) {
      problems.push(`${name}[${index}] is an inline credential object (draft-11 only; 1.0 wallets need ids)`);
    } else {
      problems.push(`${name}[${index}] is not a string`);
    }
  });
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${name} lists ${JSON.stringify(id)} more than once`);
    seen.add(id);
  }
  return ids;
}

function lintIssuer(value: unknown, problems: string[]): void {
  if (value === undefined) {
    problems.push('credential_issuer is missing');
    return;
  }
  if (typeof value !== 'string' || value === '') {
    problems.push('credential_issuer must be a non-empty string');
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`credential_issuer ${JSON.stringify(value)} is not a URL`);
    return;
  }
  if (url.protocol !== 'https:') problems.push(`credential_issuer ${JSON.stringify(value)} is not https`);
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) {
    problems.push('credential_issuer must not have a query or fragment');
  }
}

function lintTxCode(txCode: unknown, problems: string[]): void {
  if (!isObject(txCode)) {
    problems.push('tx_code must be an object (even {} means a code is required)');
    return;
  }
  const { input_mode: inputMode, length, description } = txCode;
  if (inputMode !== undefined && inputMode !== 'numeric' && inputMode !== 'text') {
    problems.push(`tx_code.input_mode ${JSON.stringify(inputMode)} is neither "numeric" nor "text"`);
  }
  if (length !== undefined && !(Number.isInteger(length) && (length as number) > 0)) {
    problems.push('tx_code.length must be a positive integer');
  }
  if (description !== undefined) {
    if (typeof description !== 'string') problems.push('tx_code.description must be a string');
    else if ([...description].length > MAX_DESCRIPTION) {
      problems.push(
        `tx_code.description has ${[...description].length} characters (at most ${MAX_DESCRIPTION})`,
      );
    }
  }
}

function lintGrants(offer: Record<string, unknown>, problems: string[]): void {
  if (!('grants' in offer)) return;
  const { grants } = offer;
  if (!isObject(grants)) {
    problems.push('grants must be an object');
    return;
  }
  const usesIds = 'credential_configuration_ids' in offer;
  const usesCredentialsOnly = 'credentials' in offer && !usesIds;
  for (const key of Object.keys(grants)) {
    if (key !== PRE_AUTHORIZED && key !== 'authorization_code')
      problems.push(`unknown grant ${JSON.stringify(key)}`);
  }
  const pre = grants[PRE_AUTHORIZED];
  if (pre !== undefined) {
    if (!isObject(pre)) {
      problems.push('the pre-authorized_code grant must be an object');
    } else {
      const code = pre['pre-authorized_code'];
      if (typeof code !== 'string' || code === '') problems.push('pre-authorized_code is missing or empty');
      if ('tx_code' in pre) lintTxCode(pre.tx_code, problems);
      if ('user_pin_required' in pre && typeof pre.user_pin_required !== 'boolean') {
        problems.push('user_pin_required must be a boolean');
      }
      if ('tx_code' in pre && pre.user_pin_required === false) {
        problems.push('tx_code (a code is required) contradicts user_pin_required: false');
      }
      if (usesCredentialsOnly && 'tx_code' in pre && !('user_pin_required' in pre)) {
        problems.push(
          'draft-11 offer (credentials) announces tx_code; draft-11 wallets read user_pin_required',
        );
      }
      if (usesIds && 'user_pin_required' in pre && !('tx_code' in pre) && pre.user_pin_required === true) {
        problems.push('1.0 offer announces user_pin_required; 1.0 wallets only read tx_code');
      }
    }
  }
  const auth = grants.authorization_code;
  if (auth !== undefined) {
    if (!isObject(auth)) problems.push('the authorization_code grant must be an object');
    else if ('issuer_state' in auth && typeof auth.issuer_state !== 'string') {
      problems.push('authorization_code.issuer_state must be a string');
    }
  }
}

/**
 * Lists what is wrong with a credential offer object against OpenID4VCI 1.0 §4.1.1 and the draft-11 and
 * MATTR (dual) shapes OfferKit emits. An empty list means no problem was found.
 */
export function lintCredentialOffer(offer: Record<string, unknown>): string[] {
  const problems: string[] = [];
  lintIssuer(offer.credential_issuer, problems);
  const hasIds = 'credential_configuration_ids' in offer;
  const hasCredentials = 'credentials' in offer;
  if (!hasIds && !hasCredentials) {
    problems.push('neither credential_configuration_ids (1.0) nor credentials (draft-11) is present');
  }
  const ids = hasIds
    ? lintIdList('credential_configuration_ids', offer.credential_configuration_ids, problems)
    : undefined;
  const credentials = hasCredentials ? lintIdList('credentials', offer.credentials, problems) : undefined;
  if (ids !== undefined && credentials !== undefined) {
    const same = ids.length === credentials.length && ids.every((id, index) => credentials[index] === id);
    if (!same)
      problems.push(
        'credentials and credential_configuration_ids disagree (a dual offer must list the same ids)',
      );
  }
  lintGrants(offer, problems);
  return problems;
}
