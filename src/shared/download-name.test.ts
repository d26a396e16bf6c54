import { describe, expect, it } from 'vitest';
import { downloadFileName, promptSlug } from './download-name';

const task = { task_id: 'tsk_01jd0000000000000000000000', mode: 'pro', duration: '10', resolution: '768P' } as const;

describe('downloadFileName', () => {
  it('names a video by mode, duration, resolution, the prompt’s first words and the task id', () => {
    expect(
      downloadFileName({
        ...task,
        prompt: 'A golden retriever running through a sunflower field at sunset, slow motion',
      }),
    ).toBe('hailuo-pro-10s-768p-a-golden-retriever-running-through-a-tsk_01jd0000000000000000000000.mp4');
  });

  it('keeps only ASCII letters and digits from the prompt, dropping accents and punctuation', () => {
    expect(promptSlug('Café au lait — ¡zoom IN!! on "the" cup/../etc')).toBe('cafe-au-lait-zoom-in-on');
    expect(promptSlug('🌅🌅')).toBe('');
  });

  it('leaves the prompt out when nothing of it can be used, and takes another extension', () => {
    expect(
      downloadFileName({ ...task, mode: 'standard', duration: '6', resolution: '1080P', prompt: '日本語' }, 'jpg'),
    ).toBe('hailuo-standard-6s-1080p-tsk_01jd0000000000000000000000.jpg');
  });

  it('names a video after its photo when the photo’s name is known: <photo>-<mode>-<dur>s-<res>-<id>', () => {
    const prompt = 'A golden retriever running';
    expect(downloadFileName({ ...task, prompt, image_name: 'Red Shoe — Side 2.JPG' })).toBe(
      'red-shoe-side-2-pro-10s-768p-tsk_01jd0000000000000000000000.mp4',
    );
    // A name with nothing ASCII left in it falls back to the prompt.
    expect(downloadFileName({ ...task, prompt, image_name: '靴.png' })).toBe(
      'hailuo-pro-10s-768p-a-golden-retriever-running-tsk_01jd0000000000000000000000.mp4',
    );
    expect(downloadFileName({ ...task, prompt, image_name: '../"x"\r\n.jpg' })).toMatch(
      /^x-pro-10s-768p-tsk_[0-9a-z]+\.mp4$/,
    );
  });

  it('never makes a name with a path separator, quote or control character', () => {
    const name = downloadFileName({ ...task, prompt: '../../etc/passwd"\r\nX-Evil: 1\\' });
    expect(name).toMatch(/^[a-z0-9_.-]+$/);
  });
});
