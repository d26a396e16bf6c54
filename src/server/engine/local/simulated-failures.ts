/** The ways a real generation fails, as the local engine reports them when LOCAL_ENGINE_FAILURE_RATE says so. */
import { stableFraction } from './stable-fraction';

export interface SimulatedFailure {
  code: 'engine_failed';
  message: string;
  /** The word the upstream would have used, kept in the raw answer for realism. */
  upstreamStatus: string;
}

/*
 * Says it is not real without naming the setting that asked for it: creators read this on their
 * card, and an environment variable means nothing to them (the server's operator set it).
 */
const NOTE = '(Simulated by the local preview engine.)';

const FAILURES: SimulatedFailure[] = [
  {
    code: 'engine_failed',
    upstreamStatus: 'Fail',
    message: `The provider refused the image: it did not pass the content safety check. Try another image. ${NOTE}`,
  },
  {
    code: 'engine_failed',
    upstreamStatus: 'Fail',
    message: `The provider failed while rendering the video (internal error). Try again. ${NOTE}`,
  },
  {
    code: 'engine_failed',
    upstreamStatus: 'Fail',
    message: `The provider timed out generating the video. Try again in a few minutes. ${NOTE}`,
  },
];

/** Whether task `taskId` fails at this rate, and how; the same answer every time for the same task. */
export function simulatedFailure(taskId: string, rate: number): SimulatedFailure | null {
  if (stableFraction(taskId, 'fail') >= rate) return null;
  return FAILURES[Math.floor(stableFraction(taskId, 'which') * FAILURES.length)]!;
}
