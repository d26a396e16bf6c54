/**
 * Runs ffmpeg or ffprobe with a deadline. A failure names the tool (never its path) and keeps
 * the tool's last output for support; what a person reads is worded from it elsewhere
 * (faults/describe-fault.ts).
 */
import { spawn } from 'node:child_process';

export interface RunToolOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Each piece of stdout as it comes (ffmpeg's `-progress pipe:1`). */
  onStdout?: (chunk: string) => void;
}

/** `unplayable`: the tool ran, and says the file is no video; its message is meant for people. */
export type ToolFailure = 'failed' | 'timeout' | 'stopped' | 'not-run' | 'unplayable';

export class ToolError extends Error {
  constructor(
    message: string,
    readonly failure: ToolFailure = 'failed',
    /** The end of what the tool wrote to stderr. */
    readonly output = '',
  ) {
    super(message);
    this.name = 'ToolError';
  }
}

const STDERR_TAIL_CHARS = 2000;

export function runTool(binary: string, args: readonly string[], options: RunToolOptions): Promise<string> {
  const tool = toolName(binary);
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ToolError('Stopped before it started.', 'stopped'));
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      options.onStdout?.(chunk.toString());
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS)));
    let why: { failure: ToolFailure; text: string } | null = null;
    const stop = (failure: ToolFailure, text: string) => {
      why = { failure, text };
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('timeout', `took longer than ${options.timeoutMs} ms`), options.timeoutMs);
    const onAbort = () => stop('stopped', 'was stopped');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ToolError(`Could not run ${tool}: ${error.message.replaceAll(binary, tool)}`, 'not-run'));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      const stopped: { failure: ToolFailure; text: string } | null = why;
      if (stopped) return reject(new ToolError(`${tool} ${stopped.text}.`, stopped.failure, stderr));
      if (code !== 0)
        return reject(new ToolError(`${tool} failed (exit ${code}): ${lastLine(stderr)}`, 'failed', stderr));
      resolve(stdout);
    });
  });
}

function toolName(binary: string): string {
  return binary.split(/[\\/]/).pop() ?? binary;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}
