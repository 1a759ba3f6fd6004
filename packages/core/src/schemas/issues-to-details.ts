import type { BaseIssue } from 'valibot';
import type { ErrorDetail } from '../errors/offer-kit-error.js';

const MAX_ECHOED_LENGTH = 200;

/**
 * Turns valibot issues into MATTR-style `details`. `param` is the dotted path (`expiresIn.minutes`,
 * `credentials[2]`); `value` is echoed only for short primitives, so a large or structured input is never
 * reflected back.
 */
export function issuesToDetails(
  issues: readonly BaseIssue<unknown>[],
  location: ErrorDetail['location'],
  root = '',
): ErrorDetail[] {
  return issues.map((issue) => {
    let param = root;
    for (const item of issue.path ?? []) {
      const key = item.key;
      if (typeof key === 'number') param += `[${key}]`;
      else param += param === '' ? String(key) : `.${String(key)}`;
    }
    const detail: ErrorDetail = { msg: issue.message, param: param === '' ? 'body' : param, location };
    const value = issue.input;
    if (
      value === null ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      (typeof value === 'string' && value.length <= MAX_ECHOED_LENGTH)
    ) {
      detail.value = value;
    }
    return detail;
  });
}
