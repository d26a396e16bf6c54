import { describe, expect, it } from 'vitest';
import { reservedAreaOf } from './reserved-path';

describe('reservedAreaOf', () => {
  it.each([
    ['/api/v1/nope', 'api'],
    ['/api', 'api'],
    ['/API/v1/tasks', 'api'],
    ['/Api/V1/Tasks/', 'api'],
    ['//api/v1/tasks', 'api'],
    ['///api//v1', 'api'],
    ['/api/../api/v1/x', 'api'],
    ['/x/../api/v1/tasks', 'api'],
    ['/./api/v1', 'api'],
    ['/%61pi/v1/tasks', 'api'],
    ['/api%2Fv1%2Ftasks', 'api'],
    ['/%2Fapi/v1', 'api'],
    ['/%252Fapi%252Fv1', 'api'],
    ['/api%5Cv1', 'api'],
    ['/api./v1', 'api'],
    ['/api;jsessionid=1/v1', 'api'],
    ['/media/x', 'media'],
    ['/Media/x', 'media'],
    ['/MEDIA/uploads/', 'media'],
    ['//media//videos/tsk_1.mp4', 'media'],
    ['/media%2Fuploads%2Fx.png', 'media'],
  ])('%s is under /%s', (path, area) => {
    expect(reservedAreaOf(path)).toBe(area);
  });

  it.each(['/', '/tasks/tsk_1', '/support', '/apis', '/mediafile', '/assets/api.js', '/api-docs', '/x/api', '/%zz'])(
    '%s is the dashboard’s',
    (path) => {
      expect(reservedAreaOf(path)).toBeNull();
    },
  );
});
