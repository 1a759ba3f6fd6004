// The `npm start` example issuer: Express 5 + SQLite file + OfferKit. See README "Quick start".
import { formatCurls } from './format-curls.js';
import { readConfig } from './read-config.js';
import { startIssuer } from './start-issuer.js';

let config;
let issuer;
try {
  config = readConfig(process.env);
  issuer = await startIssuer(config);
} catch (error) {
  console.error(`Could not start the example issuer: ${error.message}`);
  process.exit(1);
}

const lines = [
  '',
  `OfferKit example issuer listening on ${issuer.url}  (port ${issuer.port})`,
  `  console:           ${issuer.url}/console/`,
  `  SQLite file:       ${config.sqliteFile}`,
  `  management token:  ${config.token}${config.tokenGenerated ? '   (generated; set OFFERKIT_TOKEN to keep one)' : ''}`,
  '  POST /token mints DEMO access tokens kept in memory: not an authorization server.',
  '  The same management routes under /by-reference deliver offers by reference (credential_offer_uri).',
  '',
];
for (const [index, { title, command }] of formatCurls(issuer.url, config.token).entries()) {
  lines.push(`# ${index + 1}. ${title}`, command, '');
}
console.log(lines.join('\n'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the server and the database…`);
    issuer.close().then(
      () => console.log('stopped'),
      (error) => {
        console.error('shutdown failed', error);
        process.exitCode = 1;
      },
    );
  });
}
