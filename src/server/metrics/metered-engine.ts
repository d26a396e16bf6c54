/**
 * The engine as the tracker calls it, with every submit, poll and download counted and timed
 * (metrics.ts). Every other member is the engine's own (the prototype is the engine).
 */
import { EngineError, type Engine } from '@/server/engine/engine';
import type { Metrics, UpstreamOperation } from './metrics';

function outcomeOf(error: unknown): string {
  if (error instanceof EngineError) return error.code;
  return error instanceof Error && error.name === 'AbortError' ? 'aborted' : 'error';
}

export function meteredEngine(engine: Engine, metrics: Metrics): Engine {
  const timed = async <T>(operation: UpstreamOperation, call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    let outcome = 'ok';
    try {
      return await call();
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      metrics.recordCall(engine.name, operation, outcome, (performance.now() - started) / 1000);
    }
  };
  return Object.assign(Object.create(engine) as Engine, {
    submit: (...args: Parameters<Engine['submit']>) => timed('submit', () => engine.submit(...args)),
    poll: (...args: Parameters<Engine['poll']>) => timed('poll', () => engine.poll(...args)),
    download: (...args: Parameters<Engine['download']>) => timed('download', () => engine.download(...args)),
  });
}
