import { describe, expect, it } from 'vitest';
import { withoutServerPaths } from './server-paths';

describe('withoutServerPaths', () => {
  it.each([
    [
      "ENOENT: no such file or directory, rename '/srv/hailuo/data/scratch/41-1700000000000/tsk_01j.mp4.part-9f' -> '/srv/hailuo/data/media/videos/tsk_01j.mp4'",
      "ENOENT: no such file or directory, rename 'scratch/41-1700000000000/tsk_01j.mp4.part-9f' -> 'media/videos/tsk_01j.mp4'",
    ],
    [
      'Error writing trailer of /tmp/hailuo-api-x/media/videos/tsk_01j.mp4.part-ab: No space left on device',
      'Error writing trailer of media/videos/tsk_01j.mp4.part-ab: No space left on device',
    ],
    [
      'Could not run /work/app/node_modules/@ffmpeg-installer/linux-x64/ffmpeg: spawn EACCES',
      'Could not run ffmpeg: spawn EACCES',
    ],
    // DATA_DIR itself under a folder called media: the last one is DATA_DIR's own.
    ['open /media/usb/data/media/uploads/upl_1.png.', 'open media/uploads/upl_1.png.'],
    ['C:\\hailuo\\data\\media\\posters\\tsk_1.jpg: write error', 'media/posters/tsk_1.jpg: write error'],
  ])('%s', (text, expected) => {
    expect(withoutServerPaths(text)).toBe(expected);
  });

  it('leaves URLs, relative paths and ordinary slashes alone', () => {
    const text =
      'Downloading https://cdn.example.com/files/job-1.mp4 failed (HTTP 503); media/videos/tsk_1.mp4 and 6/10 s';
    expect(withoutServerPaths(text)).toBe(text);
  });
});
