// Browser check of the packaged gateway's Swagger UI, as a person uses it:
//
//   1. start the packaged gateway (fast-jar, or a native executable with --runner) with its embedded vendor
//      simulator on a free loopback port, and wait until /q/health/ready says UP;
//   2. open /q/swagger-ui in Debian's Chromium (driven by playwright-core; no browser of Playwright's own);
//   3. authorize (the one place for credentials; see authorize() below);
//   4. expand POST /v1/signing-sessions, press "Try it out", then "Execute" with the contract's example body;
//   5. read the live response Swagger UI renders: status 201 and a session id (a UUID, not the contract's
//      example id, and the one the Location header names);
//   6. with that id, as a person would next: look at the session (GET, status SENT), re-send the invitations,
//      renew the continue link, correct a signer's last name (PATCH), cancel it (status CANCELLED), and look at its
//      audit trail;
//   6b. a second session, created through the API and signed by everyone in the simulator (as signers do in the eSign
//      UI): fetch its signed PDF in Swagger UI, which offers it as a download;
//   7. save a screenshot to target/swagger-ui-e2e.png (also when a step fails) and stop the gateway, always.
//
// Usage (from the repository root, after `./mvnw package` and `npm install` in e2e/):
//   node e2e/swagger-ui.mjs [--runner target/esign-gateway-1.0.0-SNAPSHOT-runner] [--java /path/to/bin/java]
//                           [--screenshot target/swagger-ui-e2e.png]
// Environment: ESIGN_E2E_CHROMIUM (default /usr/bin/chromium), ESIGN_E2E_API_KEY (default: a random key; see authorize()).
// Exit status: 0 passed, 1 a check failed, 2 the whole check ran out of time.

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOTAL_MS = 150_000; // the whole check, failure included, ends within this (+ at most 15 s of clean-up)
const READY_MS = 60_000; // gateway start (JVM on a busy 2-core machine)
const STEP_MS = 15_000; // any single browser action or wait
const STOP_MS = 10_000; // SIGTERM, then SIGKILL
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXAMPLE_ID = '6f1d2c3b-8a4e-4f5a-9b6c-7d8e9f0a1b2c'; // the contract's documented 201 example
const OPERATION = { method: 'post', path: '/v1/signing-sessions' };

const { values: options } = parseArgs({
  options: {
    runner: { type: 'string' },
    java: { type: 'string', default: 'java' },
    screenshot: { type: 'string', default: join(ROOT, 'target', 'swagger-ui-e2e.png') },
  },
});
const CHROMIUM = process.env.ESIGN_E2E_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const started = Date.now();
const log = (message) => console.log(`[swagger-ui-e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

class CheckFailed extends Error {}
const check = (condition, message) => {
  if (!condition) throw new CheckFailed(message);
};

// ---------------------------------------------------------------------------------------------------------------
// Authorization: the one place for it.
//
// The gateway is started with one calling service, "e2e", configured by the SHA-256 of API_KEY (as an operator
// would configure it); here the key goes into Swagger UI's "Authorize" dialog for the ApiKeyAuth scheme (header
// X-API-Key), exactly as a person does it.
// ---------------------------------------------------------------------------------------------------------------
const API_KEY = process.env.ESIGN_E2E_API_KEY || randomBytes(24).toString('base64url');
const API_KEY_SHA256 = createHash('sha256').update(API_KEY, 'utf8').digest('hex');
const SIMULATOR_ADMIN_KEY = randomBytes(24).toString('base64url');

async function authorize(page, apiKey) {
  const authorizeButton = page.locator('.scheme-container button.authorize');
  check((await authorizeButton.count()) > 0, 'Swagger UI offers no "Authorize" button: the contract lost its security schemes');
  await authorizeButton.click({ timeout: STEP_MS });
  const dialog = page.locator('.modal-ux');
  const apiKeyScheme = dialog.locator('form').filter({ hasText: 'ApiKeyAuth' });
  await apiKeyScheme.locator('input').first().fill(apiKey, { timeout: STEP_MS });
  // Swagger UI labels the button "Apply credentials" for screen readers; it reads "Authorize".
  await apiKeyScheme.locator('button.authorize').click({ timeout: STEP_MS });
  await apiKeyScheme.locator('button', { hasText: 'Logout' }).waitFor({ timeout: STEP_MS });
  await apiKeyScheme.locator('button.btn-done').click({ timeout: STEP_MS });
  log('authorized with an API key for the client "e2e" (ApiKeyAuth, X-API-Key)');
}

// ---------------------------------------------------------------------------------------------------------------

async function freeLoopbackPort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function startGateway(port) {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('ESIGN_') || name.startsWith('QUARKUS_')) delete env[name];
  }
  Object.assign(env, {
    ESIGN_SIMULATOR_ENABLED: 'true', // no ESIGN_VENDOR_URL: the gateway talks to its own simulator
    ESIGN_GATEWAY_CLIENTS_E2E_KEY_SHA256: API_KEY_SHA256, // the calling service "e2e" (see authorize())
    ESIGN_GATEWAY_CLIENTS_E2E_OWNERS: '*',
    ESIGN_SIMULATOR_ADMIN_KEY: SIMULATOR_ADMIN_KEY, // the simulated signers (step 6b)
    QUARKUS_HTTP_PORT: String(port),
    QUARKUS_HTTP_HOST: '127.0.0.1',
  });
  const [command, args] = options.runner
    ? [resolve(ROOT, options.runner), []]
    : [options.java, ['-jar', join(ROOT, 'target', 'quarkus-app', 'quarkus-run.jar')]];
  log(`starting the gateway on 127.0.0.1:${port}: ${[command, ...args].join(' ')}`);
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const keep = (chunk) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40)); // the last 40 lines, for a failure report
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  child.once('error', (error) => keep(`cannot start ${command}: ${error.message}`));
  return { child, output, exited };
}

async function stopGateway(gateway) {
  if (!gateway || gateway.child.exitCode !== null || gateway.child.signalCode !== null) return;
  gateway.child.kill('SIGTERM');
  const stopped = await Promise.race([gateway.exited.then(() => true), sleep(STOP_MS).then(() => false)]);
  if (!stopped) {
    log('the gateway did not stop on SIGTERM: killing it');
    gateway.child.kill('SIGKILL');
    await Promise.race([gateway.exited, sleep(STOP_MS)]);
  }
  log('gateway stopped');
}

async function waitUntilReady(base, gateway) {
  const deadline = Date.now() + READY_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (gateway.child.exitCode !== null || gateway.child.signalCode !== null) {
      throw new CheckFailed(`the gateway exited before it was ready (${gateway.child.exitCode ?? gateway.child.signalCode})`);
    }
    try {
      const response = await fetch(`${base}/q/health/ready`, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.status === 200 && JSON.parse(body).status === 'UP') {
        log('gateway ready');
        return;
      }
      last = `${response.status} ${body}`;
    } catch (error) {
      last = error.cause?.code || error.message;
    }
    await sleep(250);
  }
  throw new CheckFailed(`the gateway was not ready within ${READY_MS / 1000}s (last: ${last})`);
}

async function createSessionInSwaggerUi(page) {
  const operation = page.locator(`.opblock.opblock-${OPERATION.method}`)
    .filter({ has: page.locator(`.opblock-summary-path[data-path="${OPERATION.path}"]`) });
  await operation.waitFor({ state: 'visible' });
  check((await operation.count()) === 1, `exactly one ${OPERATION.method.toUpperCase()} ${OPERATION.path} in Swagger UI`);

  log(`expanding ${OPERATION.method.toUpperCase()} ${OPERATION.path}`);
  await operation.locator('.opblock-summary').first().click();
  // application.properties sets quarkus.swagger-ui.try-it-out-enabled=true, so Swagger UI may open the operation
  // in "Try it out" mode already (it then offers "Cancel"); press the button when it is there.
  const tryItOut = operation.getByRole('button', { name: 'Try it out' });
  const cancel = operation.getByRole('button', { name: 'Cancel' });
  await tryItOut.or(cancel).first().waitFor({ state: 'visible' });
  if (await tryItOut.isVisible()) {
    await tryItOut.click();
  } else {
    log('"Try it out" is on already (quarkus.swagger-ui.try-it-out-enabled)');
  }

  const body = operation.locator('textarea.body-param__text');
  await body.waitFor({ state: 'visible' });
  const example = JSON.parse(await body.inputValue());
  check(example.owner && Array.isArray(example.documents) && Array.isArray(example.signers),
    'the request body is prefilled with the contract example');

  log('executing with the example body');
  await operation.getByRole('button', { name: 'Execute' }).click();

  const live = operation.locator('.live-responses-table');
  const status = live.locator('tbody .response .response-col_status');
  await status.first().waitFor({ state: 'visible' });
  const statusText = (await status.first().innerText()).trim();
  const responseBody = (await live.locator('.response-col_description pre.microlight').first().innerText()).trim();
  const headers = (await live.locator('.response-col_description pre.microlight').nth(1).innerText()
    .catch(() => '')).trim();
  check(statusText.startsWith('201'), `the live response status is 201 (Swagger UI shows "${statusText}"; body: ${responseBody.slice(0, 500)})`);

  let session;
  try {
    session = JSON.parse(responseBody);
  } catch {
    throw new CheckFailed(`the live response body is JSON (Swagger UI shows: ${responseBody.slice(0, 500)})`);
  }
  check(typeof session.id === 'string' && UUID.test(session.id), `the response carries a session id (got ${JSON.stringify(session.id)})`);
  check(session.id !== EXAMPLE_ID, 'the session id is a live one, not the contract example');
  check(session.title === example.title, `the response echoes the title (got ${JSON.stringify(session.title)})`);
  check(new RegExp(`location:\\s*/v1/signing-sessions/${session.id}`, 'i').test(headers),
    `the Location header names the session (headers shown: ${headers.slice(0, 500)})`);
  await live.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  log(`201 Created, session id ${session.id}`);
  return { session, example };
}

/**
 * One more operation as a person uses it: expand it, "Try it out", fill the path parameters (and the body, when
 * given), "Execute", and read the live status and body Swagger UI renders.
 */
async function tryOperation(page, method, path, parameters, body) {
  const operation = page.locator(`.opblock.opblock-${method}`)
    .filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) });
  await operation.waitFor({ state: 'visible' });
  check((await operation.count()) === 1, `exactly one ${method.toUpperCase()} ${path} in Swagger UI`);
  if (!(await operation.locator('.opblock-body').isVisible())) {
    await operation.locator('.opblock-summary').first().click();
  }
  const tryItOut = operation.getByRole('button', { name: 'Try it out' });
  const cancel = operation.getByRole('button', { name: 'Cancel' });
  await tryItOut.or(cancel).first().waitFor({ state: 'visible' });
  if (await tryItOut.isVisible()) await tryItOut.click();
  for (const [name, value] of Object.entries(parameters)) {
    await operation.locator(`tr[data-param-name="${name}"] input`).first().fill(value);
  }
  if (body !== undefined) {
    await operation.locator('textarea.body-param__text').fill(body);
  }
  await operation.getByRole('button', { name: 'Execute' }).click();
  const live = operation.locator('.live-responses-table');
  const status = live.locator('tbody .response .response-col_status');
  await status.first().waitFor({ state: 'visible' });
  const statusText = (await status.first().innerText()).trim();
  const text = (await live.locator('.response-col_description pre.microlight').first().innerText().catch(() => '')).trim();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new CheckFailed(`${method.toUpperCase()} ${path}: the live response body is JSON (Swagger UI shows: ${text.slice(0, 300)})`);
  }
  log(`${method.toUpperCase()} ${path}: ${statusText.split(/\s/)[0]}`);
  return { status: Number.parseInt(statusText, 10), json, text };
}

async function followTheSessionInSwaggerUi(page, session) {
  const id = { id: session.id };
  const read = await tryOperation(page, 'get', '/v1/signing-sessions/{id}', id);
  check(read.status === 200 && read.json?.id === session.id && read.json?.status === 'SENT',
    `GET the session: 200 with status SENT (got ${read.status}: ${read.text.slice(0, 300)})`);

  const invited = await tryOperation(page, 'post', '/v1/signing-sessions/{id}/invitations', id, '{}');
  check(invited.status === 202 && Array.isArray(invited.json?.signerIds) && invited.json.signerIds.length === session.signers.length,
    `re-send the invitations to all signers: 202 naming them (got ${invited.status}: ${invited.text.slice(0, 300)})`);

  const renewed = await tryOperation(page, 'post', '/v1/signing-sessions/{id}/continue-link', id);
  check(renewed.status === 200 && typeof renewed.json?.continueUrl === 'string' && renewed.json.continueUrl.includes(session.id),
    `renew the continue link: 200 with a continueUrl for the session (got ${renewed.status}: ${renewed.text.slice(0, 300)})`);

  const buyer = session.signers[session.signers.length - 1];
  const corrected = await tryOperation(page, 'patch', '/v1/signing-sessions/{id}/signers/{signerId}',
    { id: session.id, signerId: buyer.id }, '{"lastName": "Buyer-Smith"}');
  check(corrected.status === 200 && corrected.json?.signer?.lastName === 'Buyer-Smith',
    `correct a signer's last name: 200 with the signer as corrected (got ${corrected.status}: ${corrected.text.slice(0, 300)})`);

  const cancelled = await tryOperation(page, 'post', '/v1/signing-sessions/{id}/cancel', id, '{}');
  check(cancelled.status === 200 && cancelled.json?.status === 'CANCELLED',
    `cancel the session: 200 with status CANCELLED (got ${cancelled.status}: ${cancelled.text.slice(0, 300)})`);

  const audit = await tryOperation(page, 'get', '/v1/signing-sessions/{id}/audit-trail', id);
  check(audit.status === 200 && Array.isArray(audit.json?.entries) && audit.json.entries.length >= 2,
    `the audit trail lists what happened (got ${audit.status}: ${audit.text.slice(0, 300)})`);
}

/** A session signed by everyone: created through the API, completed in the simulator, as signers would in the eSign UI. */
async function completedSession(base, example) {
  const created = await fetch(`${base}/v1/signing-sessions`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-API-Key': API_KEY }, body: JSON.stringify(example),
  });
  check(created.status === 201, `a second session is created through the API (got ${created.status})`);
  const { id } = await created.json();
  const completed = await fetch(`${base}/simulator/admin/sessions/${id}/complete`, {
    method: 'POST', headers: { 'X-Admin-Key': SIMULATOR_ADMIN_KEY },
  });
  check(completed.status === 200, `the simulator's signers complete it (got ${completed.status})`);
  log(`session ${id} signed by everyone in the simulator`);
  return id;
}

async function fetchTheSignedPdfInSwaggerUi(page, base, example) {
  const id = await completedSession(base, example);
  const path = '/v1/signing-sessions/{id}/documents/signed';
  const operation = page.locator('.opblock.opblock-get')
    .filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) });
  await operation.waitFor({ state: 'visible' });
  check((await operation.count()) === 1, `exactly one GET ${path} in Swagger UI`);
  await operation.locator('.opblock-summary').first().click();
  const tryItOut = operation.getByRole('button', { name: 'Try it out' });
  const cancel = operation.getByRole('button', { name: 'Cancel' });
  await tryItOut.or(cancel).first().waitFor({ state: 'visible' });
  if (await tryItOut.isVisible()) await tryItOut.click();
  await operation.locator('tr[data-param-name="id"] input').first().fill(id);
  await operation.getByRole('button', { name: 'Execute' }).click();
  const live = operation.locator('.live-responses-table');
  const status = live.locator('tbody .response .response-col_status');
  await status.first().waitFor({ state: 'visible' });
  const statusText = (await status.first().innerText()).trim();
  const description = (await live.locator('tbody .response .response-col_description').first().innerText()).trim();
  check(statusText.startsWith('200'), `GET the signed documents: 200 (Swagger UI shows "${statusText}": ${description.slice(0, 300)})`);
  check(/content-type:\s*application\/pdf/i.test(description), `the answer is a PDF (Swagger UI shows: ${description.slice(0, 500)})`);
  const download = live.locator('a[download]').first();
  await download.waitFor({ state: 'visible' });
  const name = await download.getAttribute('download');
  check(name === 'purchase-agreement.pdf', `Swagger UI offers the PDF as a download named by the gateway (got ${JSON.stringify(name)})`);
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const bytes = await streamToBuffer(await file.createReadStream());
  check(bytes.subarray(0, 5).toString('latin1') === '%PDF-', `the downloaded file is a PDF (starts with ${JSON.stringify(bytes.subarray(0, 8).toString('latin1'))})`);
  await live.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  log(`GET ${path}: 200, ${name} downloaded (${bytes.length} bytes, a PDF)`);
}

async function streamToBuffer(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function screenshot(page) {
  if (!page) return;
  try {
    mkdirSync(dirname(options.screenshot), { recursive: true });
    await page.screenshot({ path: options.screenshot, timeout: STEP_MS });
    log(`screenshot saved to ${options.screenshot}`);
  } catch (error) {
    log(`no screenshot: ${error.message}`);
  }
}

const sleep = (ms) => new Promise((wake) => setTimeout(wake, ms).unref());

async function main() {
  let gateway;
  let context;
  let page;
  const profile = mkdtempSync(join(tmpdir(), 'esign-e2e-chromium-'));
  const cleanUp = async () => {
    await screenshot(page);
    await context?.close().catch(() => {});
    await stopGateway(gateway);
    rmSync(profile, { recursive: true, force: true });
  };
  // Ended from outside (the IT's timeout, Ctrl-C): the gateway goes too.
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      gateway?.child.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
      process.exit(2);
    });
  }
  const overall = setTimeout(async () => {
    log(`FAILED: the check did not finish within ${TOTAL_MS / 1000}s`);
    gateway?.output.forEach((line) => console.log(`  gateway| ${line}`));
    await Promise.race([cleanUp(), sleep(STOP_MS + 5_000)]);
    gateway?.child.kill('SIGKILL');
    process.exit(2);
  }, TOTAL_MS);

  try {
    const { chromium } = await import('playwright-core').catch(() => {
      throw new CheckFailed('playwright-core is not installed: run `npm install` in e2e/');
    });
    const port = await freeLoopbackPort();
    const base = `http://127.0.0.1:${port}`;
    gateway = startGateway(port);
    await waitUntilReady(base, gateway);

    log(`opening ${base}/q/swagger-ui in ${CHROMIUM}`);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 1100 },
      acceptDownloads: true, // the signed PDF (step 6b)
      timeout: STEP_MS,
    });
    context.setDefaultTimeout(STEP_MS);
    page = context.pages()[0] ?? (await context.newPage());
    const response = await page.goto(`${base}/q/swagger-ui`, { waitUntil: 'load' });
    check(response?.ok(), `Swagger UI answers (${response?.status()})`);
    await page.locator('.swagger-ui .information-container .title').waitFor({ state: 'visible' });

    await authorize(page, API_KEY);
    const { session, example } = await createSessionInSwaggerUi(page);
    await followTheSessionInSwaggerUi(page, session);
    await fetchTheSignedPdfInSwaggerUi(page, base, example);

    await cleanUp();
    clearTimeout(overall);
    log('PASSED');
    return 0;
  } catch (error) {
    log(`FAILED: ${error instanceof CheckFailed ? error.message : error.stack || error}`);
    if (gateway) gateway.output.forEach((line) => console.log(`  gateway| ${line}`));
    await cleanUp();
    clearTimeout(overall);
    return 1;
  }
}

process.exitCode = await main();
