/*
 * Zod compiles faster parsers with `new Function` when it may. Our Content-Security-Policy has no
 * 'unsafe-eval', and even zod's probe for it is reported as a violation, so the page tells zod not
 * to try. It must be set before the first schema is built, hence a plain script ahead of the app's
 * modules (zod reads this shared config object from globalThis).
 */
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
