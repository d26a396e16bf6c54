import { useId, useState } from 'react';
import { insertPhrase } from '@/lib/insert-phrase';
import { joinCameraMove } from '@/lib/join-camera-move';
import { ORBIT } from '@/lib/prompt-phrases';
import {
  CAMERA_COMMANDS,
  formatCameraStep,
  hintOf,
  MAX_MOVES_PER_STEP,
  type CameraAxis,
  type CameraCommand,
} from '@/shared/camera-commands';
import { PromptHelpersGlossary } from './prompt-helpers-glossary';

/** What an edit of the prompt answers: the new text and where the cursor goes, or no text to leave it. */
export type PromptEditResult = { text: string; caret: number } | { text?: undefined };

/** Applies `change` to the prompt and its selection; answers what it answered, or null when there is no prompt. */
export type EditPrompt = <R extends PromptEditResult>(
  change: (text: string, start: number, end: number) => R,
) => R | null;

type AddAs = 'step' | 'together';

const AXES: readonly { axis: CameraAxis; label: string }[] = [
  { axis: 'sideways', label: 'Left / right' },
  { axis: 'vertical', label: 'Up / down' },
  { axis: 'depth', label: 'In / out' },
  { axis: 'feel', label: 'Feel' },
];

const CHIP =
  'h-7 rounded-full border bg-white px-2.5 text-xs font-medium text-slate-700 hover:border-brand-500 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:bg-slate-900 dark:text-slate-200 dark:hover:border-brand-400 dark:hover:text-brand-300';

const SEGMENT =
  'cursor-pointer rounded-md px-2 py-1 text-xs font-medium text-slate-700 has-[:checked]:bg-white has-[:checked]:text-brand-800 has-[:checked]:shadow-sm has-[:checked]:ring-1 has-[:checked]:ring-brand-500 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 dark:text-slate-300 dark:has-[:checked]:bg-slate-600 dark:has-[:checked]:ring-brand-400 dark:has-[:checked]:text-white';

const ADD_AS: readonly { value: AddAs; label: string; explains: string }[] = [
  {
    value: 'step',
    label: 'Next step',
    explains: 'Next step: each move gets its own bracket, and they play one after another.',
  },
  {
    value: 'together',
    label: 'Together',
    explains: `Together: a move joins the bracket just before the cursor, and they act at once (up to ${MAX_MOVES_PER_STEP}).`,
  },
];

const WHY_NEW_STEP = {
  'no-bracket': 'there is no camera bracket right before the cursor to join',
  full: `a bracket holds ${MAX_MOVES_PER_STEP} moves at most`,
} as const;

/**
 * The 15 camera commands, grouped by what they change, each with its hint (the button's
 * description, and visible after a tap and in "What each move does"), and an orbit in words.
 * "Next step" inserts a move in its own bracket; "Together" joins it to the bracket before the
 * cursor, so `[Pan left]` becomes `[Pan left, Push in]`.
 */
export function PromptHelpersCamera({ edit }: { edit: EditPrompt }) {
  const [addAs, setAddAs] = useState<AddAs>('step');
  const [said, setSaid] = useState('');
  const addAsId = useId();

  const insertStep = (move: CameraCommand, why?: keyof typeof WHY_NEW_STEP) => {
    const bracket = formatCameraStep([move]);
    if (!edit((text, start, end) => insertPhrase(text, start, end, bracket))) return;
    setSaid(why ? `Added ${bracket} as a new step: ${WHY_NEW_STEP[why]}.` : `Added ${bracket}: ${hintOf(move)}.`);
  };

  const add = (move: CameraCommand) => {
    if (addAs === 'step') return insertStep(move);
    const result = edit((text, start, end) => joinCameraMove(text, start, end, move));
    if (!result) return;
    if (result.joined) {
      setSaid(`Now ${formatCameraStep(result.moves)}: these moves act together. ${move}: ${hintOf(move)}.`);
    } else if (result.why === 'already-in') {
      setSaid(`${move} is already in the bracket before the cursor.`);
    } else {
      insertStep(move, result.why);
    }
  };

  return (
    <div role="group" aria-label="Camera moves" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-400" aria-hidden="true">
          Camera
        </span>
        <div className="flex items-center gap-1.5">
          <span id={addAsId} className="text-xs text-slate-600 dark:text-slate-400">
            Add as
          </span>
          <div
            role="radiogroup"
            aria-labelledby={addAsId}
            className="flex items-center gap-0.5 rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800"
          >
            {ADD_AS.map((option) => (
              <label key={option.value} className={SEGMENT} title={option.explains}>
                <input
                  type="radio"
                  name={addAsId}
                  value={option.value}
                  checked={addAs === option.value}
                  onChange={() => {
                    setAddAs(option.value);
                    setSaid(option.explains);
                  }}
                  className="sr-only"
                />
                {option.label}
              </label>
            ))}
          </div>
        </div>
      </div>
      {AXES.map(({ axis, label }) => (
        <div key={axis} role="group" aria-label={label} className="flex flex-wrap items-center gap-1.5">
          <span className="w-full text-[0.6875rem] text-slate-600 dark:text-slate-400" aria-hidden="true">
            {label}
          </span>
          {CAMERA_COMMANDS.filter((command) => command.axis === axis).map((command) => (
            <button
              key={command.name}
              type="button"
              className={`${CHIP} border-slate-300 dark:border-slate-600`}
              title={command.hint}
              onClick={() => add(command.name)}
            >
              {command.name}
            </button>
          ))}
          {axis === 'feel' ? (
            <button
              type="button"
              className={`${CHIP} border-dashed border-slate-400 dark:border-slate-500`}
              title="no command does this: it goes in as words"
              onClick={() => {
                if (!edit((text, start, end) => insertPhrase(text, start, end, ORBIT.text))) return;
                setSaid(`Added “${ORBIT.text}”: there is no orbit command, so it goes in as words.`);
              }}
            >
              {ORBIT.label}
            </button>
          ) : null}
        </div>
      ))}
      <p role="status" className="min-h-4 text-xs text-slate-700 dark:text-slate-300">
        {said}
      </p>
      <PromptHelpersGlossary />
    </div>
  );
}
