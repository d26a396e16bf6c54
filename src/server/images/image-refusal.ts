import type { ErrorCode } from '@/shared/errors';

/** Why an image cannot be used, in words for the person who chose it. */
export class ImageRefusal extends Error {
  constructor(
    readonly code: Extract<ErrorCode, 'image_unreachable' | 'image_invalid' | 'upload_invalid' | 'payload_too_large'>,
    message: string,
  ) {
    super(message);
    this.name = 'ImageRefusal';
  }
}
