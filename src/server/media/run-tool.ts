/** Runs ffmpeg or ffprobe with a deadline; a failure says what the tool said, not a stack. */
import { spawn } from 'node:child_process';

export interface RunToolOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

const STDERR_TAIL_CHARS = 2000;

export function runTool(binary: string, args: readonly string[], options: RunToolOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ToolError('Stopped before it started.'));
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS)));
    let why: string | null = null;
    const stop = (reason: string) => {
      why = reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`took longer than ${options.timeoutMs} ms`), options.timeoutMs);
    const onAbort = () => stop('was stopped');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ToolError(`Could not run ${binary}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (why) return reject(new ToolError(`${toolName(binary)} ${why}.`));
      if (code !== 0) return reject(new ToolError(`${toolName(binary)} failed (exit ${code}): ${lastLine(stderr)}`));
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
