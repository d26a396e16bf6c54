/** A prompt cut to what a toast or an announcement can say in one breath. */
export function shortPrompt(prompt: string, max = 80): string {
  return prompt.length > max ? `${prompt.slice(0, max - 3)}…` : prompt;
}
