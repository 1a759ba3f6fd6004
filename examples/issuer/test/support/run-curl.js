import { execFile, spawnSync } from 'node:child_process';

const hasCurl = spawnSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).status === 0;

/**
 * Runs a printed curl command (`curl -sS -i …`) and returns the HTTP response it printed. Uses the real curl
 * through `sh` when installed; otherwise performs the same request with fetch from the command's words, so the
 * printed command is still what is tested.
 * @param {string} command
 * @param {Record<string, string>} [variables] shell variables the command refers to ($OFFER_ID, $CODE, …)
 * @returns {Promise<{ status: number, headers: Headers, text: string, json: () => unknown }>}
 */
export async function runCurl(command, variables = {}) {
  return hasCurl ? runWithCurl(command, variables) : runWithFetch(command, variables);
}

/** @param {string} command @param {Record<string, string>} variables */
function runWithCurl(command, variables) {
  return new Promise((resolve, reject) => {
    execFile(
      'sh',
      ['-c', command],
      { env: { PATH: process.env.PATH ?? '', ...variables } },
      (error, stdout) => {
        if (error) return reject(error);
        // `-i` prints the status line and headers, a blank line, then the body.
        const separator = stdout.indexOf('\r\n\r\n');
        const head = stdout.slice(0, separator).split('\r\n');
        const text = stdout.slice(separator + 4);
        const status = Number(head[0]?.split(' ')[1]);
        const headers = new Headers();
        for (const line of head.slice(1)) {
          const colon = line.indexOf(':');
          headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
        }
        resolve({ status, headers, text, json: () => JSON.parse(text) });
      },
    );
  });
}

/** @param {string} command @param {Record<string, string>} variables */
async function runWithFetch(command, variables) {
  const words = splitShellWords(command, variables);
  let method = 'GET';
  let url = '';
  const headers = new Headers();
  let body;
  const form = new URLSearchParams();
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '-sS' || word === '-i') continue;
    if (word === '-X') method = words[++i] ?? '';
    else if (word === '-H') {
      const header = words[++i] ?? '';
      const colon = header.indexOf(':');
      headers.set(header.slice(0, colon), header.slice(colon + 1).trim());
    } else if (word === '-d') {
      body = words[++i];
      if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
    } else if (word === '--data-urlencode') {
      const pair = words[++i] ?? '';
      const equals = pair.indexOf('=');
      form.append(pair.slice(0, equals), pair.slice(equals + 1));
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = form.toString();
    } else if (word.startsWith('-')) throw new Error(`unknown curl option in a printed command: ${word}`);
    else url = word;
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/**
 * Splits the words of the printed commands: single quotes, double quotes with `$NAME` expansion and `\` escapes.
 * @param {string} command @param {Record<string, string>} variables
 */
function splitShellWords(command, variables) {
  const words = [];
  let word = '';
  let started = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === ' ') {
      if (started) words.push(word);
      word = '';
      started = false;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word += command.slice(i + 1, end);
      i = end;
      started = true;
    } else if (c === '"') {
      started = true;
      for (i++; command[i] !== '"'; i++) {
        if (command[i] === '\\') word += command[++i];
        else if (command[i] === '$') {
          const name = /^[A-Z_]+/.exec(command.slice(i + 1))?.[0] ?? '';
          word += variables[name] ?? '';
          i += name.length;
        } else word += command[i];
      }
    } else {
      word += c;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}
