import type { HealthCheck } from '@/server/routes/health';
import type { MediaStorage } from './media-storage';

/**
 * The health check's `media`: where files live and, with a bucket, whether it answers. A bucket
 * that does not answer fails the check (503), so a balancer takes the server out rather than send
 * it uploads it cannot keep.
 */
export function mediaCheck(media: Pick<MediaStorage, 'health'>): HealthCheck {
  return {
    name: 'media',
    run: async () => {
      const { reachable, ...where } = await media.health();
      if (!reachable) throw new Error('bucket not reachable');
      return where;
    },
  };
}
