/**
 * Request bodies for the fuzz test that are all refusable: each starts from a valid body and
 * takes at least one change that must make the server say no — so no fuzz request may create a
 * task, a charge or an upload, and one that does is a finding.
 */
import type { SeededRandom } from './seeded-random';
import { hostileString, MALFORMED_URLS, PRIVATE_URLS, wrongTypedValue } from './fuzz-values';

type Body = Record<string, unknown>;
type Breaker = (body: Body, random: SeededRandom) => void;

/** Harmless on its own (a prompt may say anything), added to make breaking bodies hostile too. */
function addNoise(body: Body, random: SeededRandom): void {
  if (random.chance(0.5)) body.prompt = `${String(body.prompt)} ${hostileString(random)}`;
}

const COMMON_BREAKERS: Breaker[] = [
  (b) => delete b.prompt,
  (b, r) => (b.prompt = wrongTypedValue(r)),
  (b, r) => (b.prompt = r.pick(['', 'x'.repeat(5001), 'é'.repeat(6000)])),
  (b, r) => (b[r.pick(['admin', 'constructor', '$where', 'price_credits', 'engine', 'status', 'Prompt'])] = 1),
  (b, r) => (b.callback_url = r.pick(PRIVATE_URLS)),
  (b, r) => (b.callback_url = r.chance(0.5) ? r.pick(MALFORMED_URLS) : wrongTypedValue(r)),
];

const SUBMIT_BREAKERS: Breaker[] = [
  ...COMMON_BREAKERS,
  (b) => delete b.image,
  (b, r) => (b.model = r.chance(0.5) ? hostileString(r) : wrongTypedValue(r)),
  (b, r) => (b.model = r.pick(['kling-3', 'HAILUO-2-3', 'hailuo-2-3 ', 'grok-video'])),
  (b, r) => (b.image = r.chance(0.7) ? r.pick(MALFORMED_URLS) : wrongTypedValue(r)),
  (b, r) => (b.duration = r.pick<unknown>(['7', 6, '', '6 ', '10s', null, ['6']])),
  (b, r) => (b.resolution = r.pick<unknown>(['720P', '1080p', 1080, '4K', ''])),
  (b) => Object.assign(b, { duration: '10', resolution: '1080P' }),
  // An upload link of ours whose file does not exist: refused before any task is made.
  (b, _r) => (b.image = `${String(b.image).split('/media/')[0]}/media/uploads/upl_0000000000zzzzzzzzzzzzzzzz.jpg`),
];

const BATCH_BREAKERS: Breaker[] = [
  ...COMMON_BREAKERS,
  (b) => delete b.images,
  (b, r) => (b.images = r.pick<unknown>([[], 'x', {}, null, [1, 2], [r.pick(MALFORMED_URLS)]])),
  (b) => (b.images = Array.from({ length: 21 }, (_, i) => `https://example.com/${i}.jpg`)),
  (b) => (b.images = Array.isArray(b.images) ? [...b.images, ...b.images] : [b.images, b.images]),
  (b, r) => (b.variants = r.pick<unknown>([[], 'x', [{ mode: 'ultra' }], [{ duration: '10', resolution: '1080P' }]])),
  (b) => (b.variants = Array.from({ length: 5 }, () => ({}))),
];

function breakBody(valid: Body, breakers: Breaker[], random: SeededRandom): string {
  const body = { ...valid };
  addNoise(body, random);
  const times = random.int(1, 2);
  for (let i = 0; i < times; i++) random.pick(breakers)(body, random);
  const text = JSON.stringify(body);
  // `__proto__` as an own key, as JSON.parse makes it: it must be an unknown field, not a prototype.
  return random.chance(0.05) ? text.replace('{', '{"__proto__":{"admin":true},') : text;
}

export function brokenSubmitBody(image: string, random: SeededRandom): string {
  const valid = { model: 'hailuo-2-3', prompt: 'A calm sea at dawn', image, duration: '6', resolution: '768P' };
  return breakBody(valid, SUBMIT_BREAKERS, random);
}

export function brokenBatchBody(image: string, random: SeededRandom): string {
  return breakBody({ prompt: 'Product turntable', images: [image] }, BATCH_BREAKERS, random);
}

export function refusedInspectBody(random: SeededRandom): string {
  const url = random.chance(0.6) ? random.pick([...PRIVATE_URLS, ...MALFORMED_URLS]) : wrongTypedValue(random);
  const body: Body = random.chance(0.1) ? {} : { url };
  if (random.chance(0.15)) body.extra = hostileString(random);
  return JSON.stringify(body);
}
