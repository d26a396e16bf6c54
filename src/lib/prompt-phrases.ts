/**
 * Prompt help for Hailuo: camera moves and a few product-shot presets. MiniMax documents
 * bracketed camera commands for Hailuo 02 and 2.3 (`[Push in]`, `[Pan left]`, `[Static shot]`, …)
 * that the model follows more reliably than prose; an orbit has no command, so it is prose.
 */
export interface PromptPhrase {
  label: string;
  text: string;
}

export const CAMERA_MOVES: readonly PromptPhrase[] = [
  { label: 'Push in', text: '[Push in]' },
  { label: 'Pull out', text: '[Pull out]' },
  { label: 'Pan left', text: '[Pan left]' },
  { label: 'Pan right', text: '[Pan right]' },
  { label: 'Tilt up', text: '[Tilt up]' },
  { label: 'Crane up', text: '[Pedestal up]' },
  { label: 'Zoom in', text: '[Zoom in]' },
  { label: 'Orbit', text: 'the camera slowly orbits around the subject' },
  { label: 'Tracking shot', text: '[Tracking shot]' },
  { label: 'Static shot', text: '[Static shot]' },
];

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
