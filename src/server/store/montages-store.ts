/**
 * Montages (issue 21): a render of finished clips into one video. Each is kept with its
 * validated request, worked on by one server at a time under a lease (renewed with each
 * progress step), so a montage whose server died is rendered again by the next one that claims it.
 * A montage costs no credits: nothing here touches the ledger.
 */
import type { MontageRequest } from '@/shared/montage-contract';
import type { MontageFormat } from '@/shared/montage-limits';

export type MontageStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** One clip as the render needs it: our archived file and its trim, resolved when the montage was asked for. */
export interface MontageClipPlan {
  taskId: string;
  videoPath: string;
  startS: number;
  endS: number;
  caption: string | null;
}

/** What the renderer needs, fixed when the montage is asked for (media paths relative to the media root). */
export interface MontageSpec {
  format: MontageFormat;
  fit: MontageRequest['fit'];
  transition: MontageRequest['transition'];
  clips: MontageClipPlan[];
  audio: { path: string; volume: number; fadeOutS: number } | null;
  endCard: { text: string; imagePath: string | null; durationS: number } | null;
}

export interface MontageResultRecord {
  videoPath: string;
  posterPath: string;
  width: number;
  height: number;
  durationS: number;
}

export interface MontageRecord {
  id: string;
  status: MontageStatus;
  /** 0–100. */
  progress: number;
  spec: MontageSpec;
  result: MontageResultRecord | null;
  error: { code: string; message: string } | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

export interface NewMontage {
  id: string;
  spec: MontageSpec;
  /** With the hash of the request body: a retry with the same key answers this montage again. */
  idempotency: { key: string; bodyHash: string } | null;
  createdAt: number;
}

export type MontageCreation =
  | { state: 'created'; montage: MontageRecord }
  | { state: 'replay'; montage: MontageRecord }
  /** The key was used with another body. */
  | { state: 'conflict' };

export type MontageEnding =
  { status: 'succeeded'; result: MontageResultRecord } | { status: 'failed'; error: { code: string; message: string } };

export interface MontagesStore {
  /** Stores a new montage, or — for a key already used — answers the first one (or a conflict); never two for one key. */
  create(montage: NewMontage): Promise<MontageCreation>;
  get(id: string): Promise<MontageRecord | null>;
  /** Newest first. */
  list(limit: number): Promise<MontageRecord[]>;
  /** Takes up to `limit` unfinished montages no live lease holds (oldest first) for `owner`, until `leaseUntil`. */
  claim(owner: string, now: number, leaseUntil: number, limit: number): Promise<MontageRecord[]>;
  /** Records progress and renews the lease; false when `owner` no longer holds it (then stop). */
  progress(id: string, owner: string, progress: number, leaseUntil: number, now: number): Promise<boolean>;
  /** Ends the montage once, if `owner` still holds it. */
  finish(id: string, owner: string, ending: MontageEnding, now: number): Promise<boolean>;
}
