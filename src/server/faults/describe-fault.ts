/**
 * The one place an error becomes what people read. A person gets plain words: an engine's or an
 * image check's own reason as it is (those are written for people), anything else — a disk
 * error, a tool's output, a bug — as a sentence saying what the server was doing and what to do
 * next. Support gets the detail (in the task's history), without server paths.
 */
import type { ErrorCode } from '@/shared/errors';
import { EngineError } from '@/server/engine/engine';
import { HttpError } from '@/server/http/http-error';
import { ImageRefusal } from '@/server/images/image-refusal';
import { ToolError } from '@/server/media/run-tool';
import { withoutServerPaths } from './server-paths';
import { errorChain, isStorageFull, saysStorageFull } from './storage-full';

export interface FaultWords {
  /** What the server was doing, to end "… while …": `making the preview video`. */
  doing: string;
  /** The code when the error brings none of its own. */
  code: string;
  /** Put before an error's own reason: `The finished video could not be saved`. */
  lead?: string;
}

export interface Fault {
  code: string;
  /** Plain words: no path, no file name, no tool output. */
  message: string;
  /** What really happened, for support: without server paths. */
  detail: string;
  storageFull: boolean;
}

export const STORAGE_FULL_CODE = 'insufficient_storage' satisfies ErrorCode;
const TOOL_OUTPUT_CHARS = 600;

export function describeFault(error: unknown, words: FaultWords): Fault {
  const detail = faultDetail(error);
  if (isStorageFull(error)) {
    const message = `The server ran out of storage space while ${words.doing}. Run it again once space has been freed on the server.`;
    return { code: STORAGE_FULL_CODE, message, detail, storageFull: true };
  }
  const own = ownWords(error);
  if (own) {
    const message = words.lead ? `${words.lead}: ${own.message}` : own.message;
    return { code: own.code ?? words.code, message, detail, storageFull: false };
  }
  const message = `Something went wrong on the server while ${words.doing}. Run it again; if it fails again, the task's history has the details for support.`;
  return { code: words.code, message, detail, storageFull: false };
}

/** Everything the error says, its causes and a tool's last output included, without server paths. */
export function faultDetail(error: unknown): string {
  const parts = errorChain(error).flatMap((link) => {
    const texts = [typeof link.message === 'string' ? link.message : String(link)];
    if (typeof link.output === 'string' && link.output.trim()) texts.push(link.output.trim().slice(-TOOL_OUTPUT_CHARS));
    return texts;
  });
  return withoutServerPaths(parts.length ? parts.join(' | ') : String(error));
}

/*
 * A reason already written for people: an engine's (an upstream's words, or ours about the
 * upstream), an image refusal, an HTTP refusal, a file that is no playable video.
 */
function ownWords(error: unknown): { message: string; code: string | null } | null {
  if (error instanceof EngineError || error instanceof ImageRefusal || error instanceof HttpError) {
    return { message: error.message, code: error.code };
  }
  if (error instanceof ToolError && error.failure === 'unplayable') return { message: error.message, code: null };
  return null;
}

/* Signs of text meant for a developer: an errno or SQLite code, a tool's name, a temporary file. */
const RAW_TEXT =
  /\bE[A-Z]{3,}\b|SQLITE_|ffmpeg|ffprobe|vips|\.part\b|tsk_\w+\.(?:mp4|jpg)|(?:^|[\s'"])(?:\/|[A-Za-z]:\\)\w/i;

/** A reason that came back as text (a past attempt's error): kept when it is plain words, replaced when not. */
export function plainReason(text: string): string {
  if (saysStorageFull(text)) return 'The server ran out of storage space.';
  if (RAW_TEXT.test(text)) return 'Something went wrong on the server.';
  return text;
}
