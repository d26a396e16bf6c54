/**
 * One transport for several videos: play, pause and seek act on all of them, and while they
 * play the longest one leads — any other that drifts is pulled back to its time, and a shorter
 * one holds its last frame until the leader ends.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/* Decoders start at slightly different moments; more than this apart is visible, less is not worth a seek. */
const DRIFT_S = 0.25;
const END_S = 0.05;

/** The longest video: the others follow its clock. */
function leaderOf(videos: readonly HTMLVideoElement[]): HTMLVideoElement | null {
  return videos.reduce<HTMLVideoElement | null>((a, b) => (!a || (b.duration || 0) > (a.duration || 0) ? b : a), null);
}

export function useSyncedVideos() {
  const elements = useRef(new Map<number, HTMLVideoElement>());
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);

  const all = useCallback(() => [...elements.current.values()], []);

  const onMetadata = useCallback(() => setDuration(Math.max(0, ...all().map((v) => v.duration || 0))), [all]);

  const register = useCallback(
    (index: number) => (element: HTMLVideoElement | null) => {
      if (element) elements.current.set(index, element);
      else elements.current.delete(index);
      // A video already in the cache can have its metadata before React listens for it.
      if (element && element.readyState >= HTMLMediaElement.HAVE_METADATA) onMetadata();
    },
    [onMetadata],
  );

  const seek = useCallback(
    (to: number) => {
      for (const video of all()) video.currentTime = Math.min(to, video.duration || to);
      setTime(to);
    },
    [all],
  );

  const pause = useCallback(() => {
    for (const video of all()) video.pause();
    setPlaying(false);
  }, [all]);

  const play = useCallback(() => {
    const lead = leaderOf(all());
    if (lead && lead.currentTime >= (lead.duration || 0) - END_S) seek(0);
    for (const video of all())
      if (video.currentTime < (video.duration || Infinity) - END_S) void video.play().catch(() => {});
    setPlaying(true);
  }, [all, seek]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const follow = () => {
      const lead = leaderOf(all());
      if (!lead) return;
      const now = lead.currentTime;
      setTime((shown) => (Math.abs(shown - now) > 0.04 ? now : shown));
      for (const video of all()) {
        if (video === lead) continue;
        if (now >= (video.duration || 0) - END_S) {
          if (!video.paused) video.pause();
          continue;
        }
        if (video.paused && !lead.paused) void video.play().catch(() => {});
        if (Math.abs(video.currentTime - now) > DRIFT_S) video.currentTime = now;
      }
      if (lead.ended) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(follow);
    };
    frame = requestAnimationFrame(follow);
    return () => cancelAnimationFrame(frame);
  }, [all, playing]);

  return { register, onMetadata, playing, time, duration, play, pause, seek };
}
