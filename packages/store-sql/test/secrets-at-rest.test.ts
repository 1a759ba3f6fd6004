import { createOfferIssuer, decodeCredentialOfferUri, PRE_AUTHORIZED_CODE_GRANT } from '@offerkit/core';
import {
  createRandomTablePrefix,
  dropOfferKitTables,
  ENGINE_NAMES,
  openTestEngine,
} from '@offerkit/test-engines';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqlStores, migrateOfferKit } from '../src/index.js';

const OFFERS = 100;

/** Every way a secret string could sit in a dump: raw, base64url, base64, hex, percent-encoded (of text and bytes). */
function encodingsOf(secret: string): string[] {
  const text = Buffer.from(secret, 'utf8');
  const forms = [
    secret,
    encodeURIComponent(secret),
    text.toString('base64url'),
    text.toString('base64'),
    text.toString('hex'),
  ];
  if (/^[A-Za-z0-9_-]+$/.test(secret) && secret.length >= 43) {
    const bytes = Buffer.from(secret, 'base64url');
    forms.push(bytes.toString('base64'), bytes.toString('hex'), bytes.toString('hex').toUpperCase());
  }
  return forms;
}

for (const name of ENGINE_NAMES) {
  const engine = await openTestEngine(name);
  describe.skipIf(engine === undefined)(`${name}: secrets at rest`, () => {
    const prefix = createRandomTablePrefix();

    afterAll(async () => {
      await dropOfferKitTables(engine!.db, prefix);
      await engine!.close();
    });

    it(`a dump of every table after ${OFFERS} offers holds no code, tx code or reference secret`, async () => {
      const db = engine!.db;
      await migrateOfferKit(db, { tablePrefix: prefix });
      const issuer = createOfferIssuer({
        credentialIssuer: 'https://issuer.example.com',
        credentialConfigurations: { 'org.iso.18013.5.1.mDL': { format: 'mso_mdoc' } },
        publicBaseUrl: 'https://issuer.example.com',
        ...createSqlStores({ db, tablePrefix: prefix }),
      });
      const secrets: string[] = [];
      for (let i = 0; i < OFFERS; i++) {
        const byReference = i % 2 === 1;
        const result = await issuer.createPreAuthorizedOffer(
          {
            credentials: ['org.iso.18013.5.1.mDL'],
            // Long tx codes, so a short digit run elsewhere in the dump cannot match by chance.
            transactionCodeConfiguration: i % 3 === 0 ? { inputMode: 'text', length: 10 } : { length: 8 },
            claims: { given_name: `Ada ${i}`, family_name: 'Lovelace' },
            claimsToPersist: ['family_name'],
          },
          { delivery: byReference ? 'reference' : 'value' },
        );
        expect(result.transactionCode).toBeDefined();
        secrets.push(result.transactionCode!);
        const decoded = decodeCredentialOfferUri(result.uri);
        let offer: Awaited<ReturnType<typeof issuer.resolveCredentialOffer>>;
        if (decoded.kind === 'reference') {
          const reference = decoded.credentialOfferUri.split('/').pop()!;
          secrets.push(reference);
          offer = await issuer.resolveCredentialOffer(reference);
        } else {
          offer = decoded.offer;
        }
        const code = offer.grants?.[PRE_AUTHORIZED_CODE_GRANT]?.['pre-authorized_code'];
        expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
        secrets.push(code!);
        // Exercise the writes too: redeem every fourth offer.
        if (i % 4 === 0) {
          await issuer.redeemPreAuthorizedCode({
            'pre-authorized_code': code!,
            tx_code: result.transactionCode!,
          });
        }
      }
      expect(secrets.length).toBe(OFFERS * 2 + OFFERS / 2);

      let dump = '';
      for (const table of ['offers', 'users', 'migration', 'migration_lock']) {
        const { rows } = await sql<
          Record<string, unknown>
        >`select * from ${sql.table(`${prefix}${table}`)}`.execute(db);
        dump += JSON.stringify(rows, (_, value) => (typeof value === 'bigint' ? value.toString() : value));
      }
      const { rows: offerRows } = await sql`select id from ${sql.table(`${prefix}offers`)}`.execute(db);
      expect(offerRows).toHaveLength(OFFERS);
      expect(dump).toContain('Lovelace');

      const hits = secrets.flatMap((secret) => encodingsOf(secret).filter((form) => dump.includes(form)));
      expect(hits).toEqual([]);
    });
  });
}
