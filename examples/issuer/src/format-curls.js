/**
 * The ready-to-paste curl for each MATTR management route (plus the wallet's token request), as printed on start.
 * @param {string} url issuer base URL, no trailing slash
 * @param {string} token management bearer token
 * @returns {{ title: string, command: string }[]}
 */
export function formatCurls(url, token) {
  const auth = `-H ${quote(`Authorization: Bearer ${token}`)}`;
  const json = `-H 'Content-Type: application/json'`;
  const offerUrl = `"${escapeDoubleQuoted(`${url}/v1/openid/offers/pre-authorized/`)}$OFFER_ID"`;
  return [
    {
      title: 'Create an authorization-code offer (201 { uri })',
      command: `curl -sS -i -X POST ${quote(`${url}/v1/openid/offers`)} ${auth} ${json} -d '{"credentials":["UniversityDegree"]}'`,
    },
    {
      title:
        'Create a pre-authorized offer with a tx code (201 { id, userId, uri, expiresAt, transactionCode })',
      command: `curl -sS -i -X POST ${quote(`${url}/v1/openid/offers/pre-authorized`)} ${auth} ${json} -d '${JSON.stringify(
        {
          credentials: ['org.iso.18013.5.1.mDL'],
          transactionCodeConfiguration: {
            inputMode: 'numeric',
            length: 6,
            description: 'Enter the code we sent you',
          },
          claims: { given_name: 'Ada', family_name: 'Lovelace' },
          expiresIn: { minutes: 5 },
        },
      )}'`,
    },
    {
      title: 'Get its status (200; set OFFER_ID to the "id" returned above)',
      command: `curl -sS -i ${offerUrl} ${auth}`,
    },
    {
      title: 'Delete it (204; a second delete answers 404)',
      command: `curl -sS -i -X DELETE ${offerUrl} ${auth}`,
    },
    {
      title:
        "Wallet side: redeem an offer at the token route (200 demo token; set CODE to the offer's pre-authorized_code and TX_CODE to its transactionCode)",
      command: `curl -sS -i -X POST ${quote(`${url}/token`)} --data-urlencode 'grant_type=urn:ietf:params:oauth:grant-type:pre-authorized_code' --data-urlencode "pre-authorized_code=$CODE" --data-urlencode "tx_code=$TX_CODE"`,
    },
  ];
}

/** @param {string} value */
function quote(value) {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** @param {string} value */
function escapeDoubleQuoted(value) {
  return value.replace(/["$`\\]/g, '\\$&');
}
