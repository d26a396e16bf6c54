/** The frames of the platforms a marketer posts to (issue 21): framing a photo before a video, and a montage's output. */
export const FRAME_RATIOS = ['9:16', '1:1', '4:5', '16:9'] as const;
export type FrameRatio = (typeof FRAME_RATIOS)[number];

/** Width ÷ height of a ratio such as "9:16". */
export function aspectOf(ratio: FrameRatio): number {
  const [w, h] = ratio.split(':').map(Number) as [number, number];
  return w / h;
}

/** Where each frame is posted, in a few words. */
export const FRAME_USES: Record<FrameRatio, string> = {
  '9:16': 'Reels, TikTok, Shorts',
  '1:1': 'Square feed post',
  '4:5': 'Portrait feed post',
  '16:9': 'YouTube, web',
};
