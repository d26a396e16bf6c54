/*
 * zod/mini ships no messages of its own: without a locale every issue we did not word ourselves
 * would read "Invalid input". Classic zod registered English by itself; this keeps those default
 * messages (e.g. an unknown key or an over-long id) word for word. Imported for its effect by each
 * contract file, so whichever loads first sets it; an explicit locale set elsewhere still wins.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

if (!config().localeError) config(en());
