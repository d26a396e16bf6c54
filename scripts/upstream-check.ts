/**
 * `npm run upstream:check -- --image <public url>`: for someone with a real API in One key, run
 * once by hand. It says what it will cost (one standard 6 s 768P video, 30 credits), asks before
 * spending anything, submits that video ONCE (never resent: a resend could bill twice), polls
 * until it ends (bounded), saves every raw answer with the key removed to a file, and prints
 * which shapes API in One answered in and whether our reader understood each. docs/upstream.md
 * says what to do with the file. Never run by the tests or CI against the real service: they
 * aim it at the fake with --base-url.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_CATALOGUE, MODEL_IDS, quote } from '@/shared/pricing';
import { USD_PER_CREDIT } from '@/shared/limits';
import { httpUrlSchema } from '@/shared/contract';
import type { TaskCall } from '@/server/engine/api-in-one/task-call-outcome';
import { describeAnswer, recordAnswer, type RecordedAnswer } from './upstream-check/answer-report';

const USAGE = `Usage: APIINONE_API_KEY=aio_… npm run upstream:check -- --image <public image url> [options]

  --image <url>        a JPEG or PNG (≤ 10 MB, short side over 300 px) API in One can fetch: required
  --base-url <url>     API in One's address (default: APIINONE_BASE_URL or https://apiin.one)
  --yes                do not ask before spending the credits (needed without a terminal)
  --out <file>         where to save the answers (default: upstream-check-<date>.json here)
  --poll-ms <ms>       wait between polls (default 10000)
  --max-wait-ms <ms>   stop polling after this long (default 600000, ten minutes)`;

const VIDEO = { model: MODEL_IDS.standard, duration: '6', resolution: '768P' } as const;
const PROMPT = 'A slow push in on the subject, soft natural light [Push in]';
/* Answers not understood in a row (a "done" without a link we can read among them) before polling stops, as the server's rechecks. */
const NOT_UNDERSTOOD_IN_A_ROW = 5;

interface Options {
  image: string;
  baseUrl: string;
  yes: boolean;
  out: string;
  pollMs: number;
  maxWaitMs: number;
}

function readOptions(argv: string[], env: NodeJS.ProcessEnv): Options | string {
  const { values } = parseArgs({
    args: argv,
    options: {
      image: { type: 'string' },
      'base-url': { type: 'string' },
      yes: { type: 'boolean', default: false },
      out: { type: 'string' },
      'poll-ms': { type: 'string' },
      'max-wait-ms': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return USAGE;
  const image = httpUrlSchema('The image').safeParse(values.image);
  if (!values.image || !image.success) return `${image.error?.issues[0]?.message ?? 'Give --image.'}\n\n${USAGE}`;
  const baseUrl = (values['base-url'] ?? env.APIINONE_BASE_URL ?? 'https://apiin.one').replace(/\/+$/, '');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    image: image.data,
    baseUrl,
    yes: values.yes,
    out: path.resolve(values.out ?? `upstream-check-${stamp}.json`),
    pollMs: Number(values['poll-ms'] ?? 10_000),
    maxWaitMs: Number(values['max-wait-ms'] ?? 600_000),
  };
}

async function confirmed(options: Options, out: NodeJS.WritableStream): Promise<boolean> {
  const price = quote(DEFAULT_CATALOGUE, VIDEO);
  const credits = price.ok ? price.credits : 30;
  out.write(
    `This submits ONE real video to API in One at ${options.baseUrl}: Hailuo 2.3 standard, 6 s, 768P.\n` +
      `It costs ${credits} credits (about $${(credits * USD_PER_CREDIT).toFixed(2)}), billed by API in One if it succeeds.\n` +
      `The image API in One will fetch: ${options.image}\n`,
  );
  if (options.yes) return true;
  if (!process.stdin.isTTY) {
    out.write('Not asking without a terminal: run it in one, or pass --yes to agree beforehand. Nothing was sent.\n');
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question('Type "yes" to spend the credits: ');
  prompt.close();
  return answer.trim().toLowerCase() === 'yes';
}

interface Check {
  answers: RecordedAnswer[];
  key: string;
  options: Options;
}

/* One request, no retry: a submit sent twice could be two billed videos. */
async function exchange(check: Check, call: TaskCall, url: string, body?: object) {
  const method = body ? 'POST' : 'GET';
  const headers: Record<string, string> = { Authorization: `Bearer ${check.key}`, Accept: 'application/json' };
  if (body) headers['Content-Type'] = 'application/json';
  let response: Response | null = null;
  let text = '';
  let error: string | null = null;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body && JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    text = await response.text();
  } catch (cause) {
    error = `no answer: ${(cause as Error).message}`;
  }
  const { recorded, state } = recordAnswer({ call, request: { method, url, body }, response, text, error }, [
    check.key,
  ]);
  check.answers.push(recorded);
  process.stdout.write(`${describeAnswer(recorded)}\n`);
  return { recorded, state };
}

async function run(check: Check): Promise<void> {
  const { options } = check;
  const body = { ...VIDEO, prompt: PROMPT, image: options.image };
  const secrets = [check.key];
  const submitUrl = `${options.baseUrl}/api/v1/videos/generations`;
  const created = await exchange(check, { operation: 'create', secrets }, submitUrl, body);
  const id = created.state?.upstreamTaskId;
  if (!id) {
    process.stdout.write('No task id was read from the submit answer, so there is nothing to poll.\n');
    return;
  }
  const deadline = Date.now() + options.maxWaitMs;
  let notUnderstood = 0;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    const pollUrl = `${options.baseUrl}/api/v1/tasks/${encodeURIComponent(id)}`;
    const { recorded, state } = await exchange(check, { operation: 'get', requestedId: id, secrets }, pollUrl);
    if (state && ['succeeded', 'failed', 'canceled'].includes(state.status)) return;
    notUnderstood = recorded.reading.understood ? 0 : notUnderstood + 1;
    if (notUnderstood >= NOT_UNDERSTOOD_IN_A_ROW) {
      process.stdout.write(`${NOT_UNDERSTOOD_IN_A_ROW} answers in a row were not understood; stopping.\n`);
      return;
    }
  }
  process.stdout.write(`Stopped polling after ${Math.round(options.maxWaitMs / 1000)} s; the task had not ended.\n`);
}

function save(check: Check): void {
  const understood = check.answers.filter((a) => a.reading.understood).length;
  const report = {
    tool: 'npm run upstream:check',
    base_url: check.options.baseUrl,
    image: check.options.image,
    saved_at: new Date().toISOString(),
    summary: { answers: check.answers.length, understood, not_understood: check.answers.length - understood },
    shapes: [...new Set(check.answers.map((a) => `${a.call} ${a.shape}`))],
    answers: check.answers,
  };
  // The key went only into Authorization headers; the report is checked once more before it is written.
  const text = JSON.stringify(report, null, 2);
  if (text.includes(check.key)) throw new Error('The report still holds the API key; not writing it.');
  fs.writeFileSync(check.options.out, `${text}\n`);
  process.stdout.write(
    `\nShapes met:\n${report.shapes.map((s) => `  ${s}`).join('\n')}\n` +
      `Our reader understood ${understood} of ${check.answers.length} answers.` +
      (understood < check.answers.length
        ? ' The file shows the others; docs/upstream.md says how to teach it a shape.'
        : '') +
      '\n' +
      `Saved every answer, the API key removed, to ${check.options.out}\n`,
  );
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2), process.env);
  if (typeof options === 'string') {
    process.stdout.write(`${options}\n`);
    return options === USAGE ? 0 : 2;
  }
  const key = process.env.APIINONE_API_KEY?.trim();
  if (!key) {
    process.stdout.write(`Set APIINONE_API_KEY to your API in One key first.\n\n${USAGE}\n`);
    return 2;
  }
  if (!(await confirmed(options, process.stdout))) return 1;
  const check: Check = { answers: [], key, options };
  await run(check);
  save(check);
  return check.answers.every((a) => a.reading.understood) ? 0 : 3;
}

process.exitCode = await main();
