/**
 * A fake API in One that keeps jobs the way a real one would, over the FakeUpstream's real HTTP:
 * a submit makes a job when it arrives (even if its answer is then lost), a submit with an
 * Idempotency-Key it has seen answers the job that key made, polls walk each job through a
 * script chosen by its prompt, and finished videos are served from `/files/<job>.mp4`.
 * Counting jobs per key is how the tests prove that no task ever started two.
 */
import { makeTestImage } from '../support/test-image';
import { FakeUpstream, type FakeReply, type FakeRequest } from './fake-upstream';

/** An upstream status word (`Success` adds a video link, `Fail` a reason), or any raw reply. */
export type PollStep = string | FakeReply;

export interface JobScript {
  /** Answers to the first submits of a key, before one makes a job (faults that made nothing). */
  submitFaults?: FakeReply[];
  /** One per poll; the last repeats. Default: `Success` at the first poll. */
  polls?: PollStep[];
  /** The video's answer (default: the whole clip as video/mp4). */
  video?: FakeReply;
}

export interface KeptJob {
  id: string;
  key: string | null;
  prompt: string;
  polls: number;
}

export const FAIL_REASON = 'The image did not pass content moderation.';
const DEFAULT_SCRIPT: JobScript = { polls: ['Success'] };

export class JobKeepingUpstream {
  readonly jobs = new Map<string, KeptJob>();
  /** How many jobs each Idempotency-Key made (a correct server never makes it more than 1). */
  readonly jobsPerKey = new Map<string, number>();
  /** When each submit arrived, to measure the waits between retries. */
  readonly submitArrivals: { key: string | null; at: number }[] = [];
  /** Answers to submits, polls and downloads wait this long (to kill the server while it waits). */
  submitDelayMs = 0;
  pollDelayMs = 0;
  /** Downloads send a little of the video, then go silent. */
  stallDownloads = false;
  private readonly scripts = new Map<string, JobScript>();
  private readonly submitsPerKey = new Map<string, number>();

  private constructor(
    readonly fake: FakeUpstream,
    private readonly clip: Buffer,
    poster: Buffer,
  ) {
    fake
      .on('POST', '/api/v1/videos/generations', (request) => this.submit(request))
      .on('GET', /^\/api\/v1\/tasks\/[^/?]+/, (request) => this.poll(request))
      .on('GET', /^\/files\/[^/?]+\.mp4/, (request) => this.file(request))
      // A cover image with every video, as real upstreams give: the server then needs no ffmpeg for a poster.
      .on('GET', /^\/files\/[^/?]+\.jpg/, { body: poster, headers: { 'content-type': 'image/jpeg' } });
  }

  static async start(clip: Buffer): Promise<JobKeepingUpstream> {
    return new JobKeepingUpstream(await FakeUpstream.start(), clip, await makeTestImage(320, 240));
  }

  get baseUrl(): string {
    return this.fake.baseUrl;
  }

  /** Tasks with this prompt follow `script`. */
  script(prompt: string, script: JobScript): this {
    this.scripts.set(prompt, script);
    return this;
  }

  jobOfKey(key: string): KeptJob | undefined {
    return [...this.jobs.values()].find((job) => job.key === key);
  }

  submitsOf(key: string): FakeRequest[] {
    return this.fake
      .requestsTo('POST', '/api/v1/videos/generations')
      .filter((r) => r.headers['idempotency-key'] === key);
  }

  downloadsOf(jobId: string): number {
    return this.fake.requestsTo('GET', new RegExp(`^/files/${jobId}\\.mp4`)).length;
  }

  pollsOf(jobId: string): number {
    return this.fake.requestsTo('GET', new RegExp(`^/api/v1/tasks/${jobId}(\\?|$)`)).length;
  }

  close(): Promise<void> {
    return this.fake.close();
  }

  private scriptOf(prompt: string): JobScript {
    return this.scripts.get(prompt) ?? DEFAULT_SCRIPT;
  }

  private submit(request: FakeRequest): FakeReply {
    const { prompt } = JSON.parse(request.body) as { prompt: string };
    const key = (request.headers['idempotency-key'] as string | undefined) ?? null;
    this.submitArrivals.push({ key, at: Date.now() });
    const script = this.scriptOf(prompt);
    const seen = key ? (this.submitsPerKey.get(key) ?? 0) : 0;
    if (key) this.submitsPerKey.set(key, seen + 1);
    const fault = script.submitFaults?.[seen];
    if (fault) return fault;
    // A key already seen gets its job back; anything else (including no key) makes a new one.
    const job = (key && this.jobOfKey(key)) || this.makeJob(key, prompt);
    return { json: { code: 0, data: { task_id: job.id, status: 'Queueing' } }, delayMs: this.submitDelayMs };
  }

  private makeJob(key: string | null, prompt: string): KeptJob {
    const job = { id: `job-${this.jobs.size + 1}`, key, prompt, polls: 0 };
    this.jobs.set(job.id, job);
    if (key) this.jobsPerKey.set(key, (this.jobsPerKey.get(key) ?? 0) + 1);
    return job;
  }

  private poll(request: FakeRequest): FakeReply {
    const id = decodeURIComponent(request.path.split('?')[0]!.split('/').pop()!);
    const job = this.jobs.get(id);
    if (!job) return { status: 404, json: { code: 404, message: `task ${id} not found` } };
    const steps = this.scriptOf(job.prompt).polls ?? DEFAULT_SCRIPT.polls!;
    const step = steps[Math.min(job.polls, steps.length - 1)]!;
    job.polls += 1;
    if (typeof step !== 'string') return step;
    const data: Record<string, unknown> = { task_id: job.id, status: step };
    if (step === 'Success') Object.assign(data, this.resultLinks(job.id));
    if (step === 'Fail') data.error_message = FAIL_REASON;
    if (step === 'Processing') data.progress = 50;
    return { json: { code: 0, data }, delayMs: this.pollDelayMs };
  }

  /** Where a finished job's video and cover image are. */
  resultLinks(jobId: string): { video_url: string; cover_url: string } {
    return { video_url: `${this.baseUrl}/files/${jobId}.mp4`, cover_url: `${this.baseUrl}/files/${jobId}.jpg` };
  }

  private file(request: FakeRequest): FakeReply {
    const id = request.path.split('?')[0]!.slice('/files/'.length, -'.mp4'.length);
    const job = this.jobs.get(id);
    if (!job) return { status: 404, body: 'no such file', headers: { 'content-type': 'text/plain' } };
    const video = this.scriptOf(job.prompt).video;
    if (video) return video;
    const reply = { body: this.clip, headers: { 'content-type': 'video/mp4' } };
    return this.stallDownloads ? { ...reply, stallAfterBytes: 1024 } : reply;
  }
}
