/**
 * Prompt help for Hailuo beyond the 15 camera commands (those live in
 * `@/shared/camera-commands`): an orbit, which has no command and so goes in as words, and a
 * few product-shot presets that start with a command the model follows more reliably than prose.
 */
export interface PromptPhrase {
  label: string;
  text: string;
}

export const ORBIT: PromptPhrase = { label: 'Orbit', text: 'the camera slowly orbits around the subject' };

export const PRODUCT_PRESETS: readonly PromptPhrase[] = [
  {
    label: 'Hero reveal',
    text: '[Push in] Slow cinematic push in on the product, a soft light sweep glides across its surface, dark backdrop, gentle highlights.',
  },
  {
    label: 'Turntable',
    text: '[Static shot] The product turns slowly on a turntable in front of a seamless studio backdrop, soft even light, crisp reflections.',
  },
  {
    label: 'Lifestyle',
    text: '[Tracking shot] The product in a bright natural setting, light movement in the background, warm morning light, shallow depth of field.',
  },
  {
    label: 'Macro detail',
    text: '[Pan right] Extreme close-up gliding across the product’s texture and details, shallow depth of field, soft diffused light.',
  },
  {
    label: 'Floating',
    text: '[Static shot] The product floats and turns gently in mid-air, soft shadows below, clean pastel background.',
  },
];
