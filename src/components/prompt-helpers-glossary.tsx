import { CAMERA_COMMANDS, MAX_MOVES_PER_STEP } from '@/shared/camera-commands';

/** Every camera command and what it does, to read before tapping (a touch screen shows no tooltips). */
export function PromptHelpersGlossary() {
  return (
    <details className="text-xs text-slate-700 dark:text-slate-300">
      <summary className="w-fit cursor-pointer rounded font-medium text-brand-700 hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:text-brand-300 dark:hover:text-brand-200">
        What each move does
      </summary>
      <p className="mt-2">
        Moves in one bracket act together (up to {MAX_MOVES_PER_STEP}, e.g. [Pan left, Push in]); separate brackets play
        one after another. Camera words: when the camera pans left, the scene slides right.
      </p>
      <dl className="mt-2 flex flex-col gap-1">
        {CAMERA_COMMANDS.map((command) => (
          <div key={command.name}>
            <dt className="inline font-semibold">{command.name}:</dt> <dd className="inline">{command.hint}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
