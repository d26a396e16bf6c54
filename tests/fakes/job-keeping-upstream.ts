/**
 * A fake API in One that keeps jobs the way a real one would, over the FakeUpstream's real HTTP:
 * a submit makes a job when it arrives (even if its answer is then lost), a submit with an
 * Idempotency-Key it has seen answers the job that key made, polls walk each job through a
 * script chosen by its prompt, and finished videos are served from `/files/<job>.mp4`. It also
 * plays the web for the person's image: a photo at `imageUrl`, which the server fetches and
 * hands back as its own JPEG.
 * Counting jobs per key is how the tests prove that no task ever started two.
 */
import { makeTestImage } from '../support/test-image';
import { FakeUpstream, type FakeReply, type FakeRequest } from './fake-upstream';

/** An upstream status word (`Success` adds a video link, `Fail` a reason), or any raw reply. */
export type PollStep = string | FakeReply;

export interface JobScript {
  /** Answers to the first submits of a key, before one makes a job (faults that made nothing). */
  submitFaults?: FakeReply[];
  /**
   * Answers that replace the real one to the first submits of a key AFTER the job was made (a
   * timeout, a cut connection, a gateway timeout): the job exists, and would be billed.
   */
  answersLost?: FakeReply[];
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
    photo: Buffer,
  ) {
    fake
      .on('GET', '/images/photo.jpg', { body: photo, headers: { 'content-type': 'image/jpeg' } })
      .on('POST', '/api/v1/videos/generations', (request) => this.submit(request))
      .on('GET', /^\/api\/v1\/tasks\/[^/?]+/, (request) => this.poll(request))
      .on('GET', /^\/files\/[^/?]+\.mp4/, (request) => this.file(request))
      // A cover image with every video, as real upstreams give: the server then needs no ffmpeg for a poster.
      .on('GET', /^\/files\/[^/?]+\.jpg/, { body: poster, headers: { 'content-type': 'image/jpeg' } });
  }

  static async start(clip: Buffer): Promise<JobKeepingUpstream> {
    return new JobKeepingUpstream(
      await FakeUpstream.start(),
      clip,
      await makeTestImage(320, 240),
      await makeTestImage(),
    );
  }

  get baseUrl(): string {
    return this.fake.baseUrl;
  }

  /** A reference image "somewhere on the web" (loopback, which test servers may fetch). */
  get imageUrl(): string {
    return `${this.baseUrl}/images/photo.jpg`;
  }

  /** The image links the submits carried, in order. */
  sentImages(): string[] {
    return this.fake
      .requestsTo('POST', '/api/v1/videos/generations')
      .map((r) => (JSON.parse(r.body) as { image: string }).image);
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
    const lost = script.answersLost?.[seen];
    if (lost) return lost;
    // API in One's documented create answer.
    const answer = { code: 200, message: 'success', data: { task_id: job.id, status: 'IN_PROGRESS' } };
    return { json: answer, delayMs: this.submitDelayMs };
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
    // kie.ai's task detail, the relay API in One very likely forwards: the links inside a JSON string.
    const data: Record<string, unknown> = { taskId: job.id, state: step, resultJson: '', failCode: '', failMsg: '' };
    if (step === 'Success') data.resultJson = JSON.stringify(this.resultLinks(job.id));
    if (step === 'Fail') Object.assign(data, { failCode: '501', failMsg: FAIL_REASON });
    if (step === 'Processing') data.progress = 50;
    return { json: { code: 200, message: 'success', data }, delayMs: this.pollDelayMs };
  }

  /** Where a finished job's video and cover image are, as kie's resultJson lists them. */
  resultLinks(jobId: string): { resultUrls: string[]; coverUrl: string } {
    return { resultUrls: [`${this.baseUrl}/files/${jobId}.mp4`], coverUrl: `${this.baseUrl}/files/${jobId}.jpg` };
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
