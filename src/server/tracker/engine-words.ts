/** How the tracker names an engine and its failures in the messages support and users read. */
import type { Engine, EngineState } from '@/server/engine/engine';

export function describeEngine(engine: Pick<Engine, 'name'>): string {
  return engine.name === 'local' ? 'the local preview engine' : 'API in One';
}

/** The engine's name at the start of a sentence. */
export function engineAsSubject(engine: Pick<Engine, 'name'>): string {
  const name = describeEngine(engine);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Text that ends as a sentence does, for joining messages. */
export function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The error of a failed or canceled state; an engine that gives no reason still yields a message a person can act on. */
export function taskErrorOf(state: EngineState, engine: Pick<Engine, 'name'>): { code: string; message: string } {
  if (state.error?.message) return { code: state.error.code || 'engine_failed', message: state.error.message };
  if (state.status === 'canceled')
    return { code: 'engine_failed', message: `${engineAsSubject(engine)} canceled the task.` };
  return {
    code: 'engine_failed',
    message: `${engineAsSubject(engine)} reported that the video failed, without saying why. Try again; no credits were charged.`,
  };
}
