/**
 * What a person reads when a task ends needing support: the engine may have made, and billed,
 * a video this server does not have. Our ledger charges nothing (we cannot know); the words
 * say so, say where the raw answers are, and never claim "no credits were charged" upstream.
 */
import type { Engine } from '@/server/engine/engine';
import { asSentence, describeEngine, engineAsSubject } from './engine-words';

const FOR_SUPPORT = 'Support can find it under “Needs attention”.';

/** A submit that may have reached the engine, whose answer never came (`detail`), or was cut short on our side (null). */
export function submitUnknownMessage(engine: Pick<Engine, 'name'>, detail: string | null): string {
  const name = describeEngine(engine);
  const what = detail
    ? `${asSentence(detail)} The request had already been sent, so ${name} may have made this video, and may bill it.`
    : `The request to ${name} was cut short before its answer was recorded (this server stopped, or failed on its side), so ${name} may have made this video, and may bill it.`;
  return `${what} It was not sent again, so that it cannot be made (and billed) twice. This server charged nothing. ${FOR_SUPPORT}`;
}

/** The engine reports the video done, but no answer in `lookedForMs` held a result this server can read. */
export function resultUnreadableMessage(engine: Pick<Engine, 'name'>, detail: string, lookedForMs: number): string {
  const wait = lookedForMs >= 60_000 ? ` for ${Math.round(lookedForMs / 60_000)} min` : '';
  const again = lookedForMs > 0 ? ` It was asked again${wait} without a link appearing.` : '';
  return `${asSentence(detail)}${again} ${engineAsSubject(engine)} may have billed this video; this server charged nothing. ${FOR_SUPPORT}`;
}
