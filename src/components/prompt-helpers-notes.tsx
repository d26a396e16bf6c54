import { cameraNotes } from '@/lib/camera-notes';

/** Under the prompt: a quiet word when a bracket is not one of the 15 commands, or holds too many. */
export function PromptHelpersNotes({ prompt }: { prompt: string }) {
  const notes = prompt.includes('[') ? cameraNotes(prompt) : [];
  return (
    <div aria-live="polite" className="empty:hidden" data-testid="camera-notes">
      {notes.map((note) => (
        <p key={note} className="text-xs text-slate-600 dark:text-slate-400">
          {note}
        </p>
      ))}
    </div>
  );
}
