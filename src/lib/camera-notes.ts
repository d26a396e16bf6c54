/**
 * What the prompt's brackets do not do that a person may think they do: a bracket that is not
 * one of the 15 commands (the model reads it as words), or one that holds more than three.
 */
import { MAX_MOVES_PER_STEP, parseCameraCommands } from '@/shared/camera-commands';

function quoted(part: { text: string; bracket: string }): string {
  if (part.bracket === `[${part.text}]` || !part.text) return part.bracket;
  return `“${part.text}” in ${part.bracket}`;
}

/* "a, b and c", or "a, b, c and 2 more". */
function listed(items: readonly string[], more: number): string {
  if (more) return `${items.join(', ')} and ${more} more`;
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0]!;
}

/** Sentences about the prompt's brackets that are not what the person may think they are. */
export function cameraNotes(prompt: string): string[] {
  const plan = parseCameraCommands(prompt);
  const notes: string[] = [];
  if (plan.notUnderstood.length) {
    const parts = plan.notUnderstood.slice(0, 3).map(quoted);
    const more = plan.notUnderstood.length - parts.length;
    const one = plan.notUnderstood.length === 1;
    notes.push(
      `${listed(parts, more)} ${one ? 'is not a camera command' : 'are not camera commands'}, so the model reads ${one ? 'it' : 'them'} as words.`,
    );
  }
  for (const step of plan.steps.filter((s) => s.dropped.length)) {
    notes.push(
      `${step.bracket} has more than ${MAX_MOVES_PER_STEP} moves: MiniMax takes up to ${MAX_MOVES_PER_STEP} in one bracket, so ${step.dropped.join(' and ')} may be ignored (the preview leaves ${step.dropped.length === 1 ? 'it' : 'them'} out).`,
    );
  }
  return notes;
}
