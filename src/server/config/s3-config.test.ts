import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('S3 settings', () => {
  it('keeps media in DATA_DIR without S3_BUCKET', () => {
    expect(readConfig({}).s3).toBeNull();
  });

  it('reads a bucket on another service, path-style, in the region given or AWS_REGION or us-east-1', () => {
    const env = { S3_BUCKET: 'hailuo-media', S3_ENDPOINT: 'http://minio.internal:9000/', S3_FORCE_PATH_STYLE: 'true' };
    expect(readConfig(env).s3).toEqual({
      bucket: 'hailuo-media',
      endpoint: 'http://minio.internal:9000',
      region: 'us-east-1',
      forcePathStyle: true,
    });
    expect(readConfig({ ...env, AWS_REGION: 'eu-west-3' }).s3?.region).toBe('eu-west-3');
    expect(readConfig({ ...env, AWS_REGION: 'eu-west-3', S3_REGION: 'auto' }).s3?.region).toBe('auto');
    expect(readConfig({ S3_BUCKET: 'hailuo-media' }).s3).toMatchObject({ endpoint: null, forcePathStyle: false });
  });

  it('refuses to start on a bad name or a setting without its bucket, naming the variable', () => {
    expect(() => readConfig({ S3_BUCKET: 'Hailuo_Media' })).toThrow(/S3_BUCKET: a bucket name/);
    expect(() => readConfig({ S3_BUCKET: 'hailuo', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
    expect(() => readConfig({ S3_BUCKET: 'hailuo', S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
    expect(() => readConfig({ S3_ENDPOINT: 'http://minio.internal:9000' })).toThrow(
      /S3_ENDPOINT: set without S3_BUCKET/,
    );
  });
});
