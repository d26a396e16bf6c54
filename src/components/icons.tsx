/** The few icons the app uses (outline, 20×20), drawn inline so no icon library ships. Decorative: the text or label beside them names the action. */
const PATHS = {
  play: 'M6.5 4.75v10.5a.75.75 0 0 0 1.14.64l8.5-5.25a.75.75 0 0 0 0-1.28l-8.5-5.25a.75.75 0 0 0-1.14.64Z',
  pause: 'M7 4.5v11M13 4.5v11',
  download:
    'M10 3v9.5m0 0-3.75-3.75M10 12.5l3.75-3.75M3.5 14.5v1.25c0 .69.56 1.25 1.25 1.25h10.5c.69 0 1.25-.56 1.25-1.25V14.5',
  link: 'M8.25 11.75a3 3 0 0 0 4.24 0l2.83-2.83a3 3 0 0 0-4.24-4.24l-.7.7M11.75 8.25a3 3 0 0 0-4.24 0L4.68 11.08a3 3 0 0 0 4.24 4.24l.7-.7',
  rerun: 'M15.5 8.5A5.75 5.75 0 0 0 4.7 6.25M4.5 11.5a5.75 5.75 0 0 0 10.8 2.25M4.5 3v3.5H8M15.5 17v-3.5H12',
  details: 'M10 9v5m0-8h.01M17.5 10a7.5 7.5 0 1 1-15 0 7.5 7.5 0 0 1 15 0Z',
  close: 'M5.5 5.5l9 9m0-9-9 9',
  sun: 'M10 2.5v1.5m0 12v1.5M4.7 4.7l1.06 1.06m8.48 8.48 1.06 1.06M2.5 10H4m12 0h1.5M4.7 15.3l1.06-1.06m8.48-8.48L15.3 4.7M13.25 10a3.25 3.25 0 1 1-6.5 0 3.25 3.25 0 0 1 6.5 0Z',
  moon: 'M16.5 12.2A7 7 0 0 1 7.8 3.5a7 7 0 1 0 8.7 8.7Z',
  monitor: 'M3 4.5h14v9H3zM7.5 16.5h5M10 13.5v3',
  search: 'm16.5 16.5-3.6-3.6M14.25 8.75a5.5 5.5 0 1 1-11 0 5.5 5.5 0 0 1 11 0Z',
  sparkle:
    'M10 2.5l1.7 4.3 4.3 1.7-4.3 1.7L10 14.5l-1.7-4.3L4 8.5l4.3-1.7L10 2.5ZM15.5 13.5l.7 1.8 1.8.7-1.8.7-.7 1.8-.7-1.8-1.8-.7 1.8-.7.7-1.8Z',
  stop: 'M6.25 5.5h7.5c.41 0 .75.34.75.75v7.5c0 .41-.34.75-.75.75h-7.5a.75.75 0 0 1-.75-.75v-7.5c0-.41.34-.75.75-.75Z',
  hide: 'M3 3l14 14M8.6 8.6a2 2 0 0 0 2.8 2.8M6.2 6.2C4.5 7.3 3.2 8.8 2.5 10c1.4 2.5 4.3 5 7.5 5 1.3 0 2.6-.4 3.7-1.1M9 5.1c.3 0 .7-.1 1-.1 3.2 0 6.1 2.5 7.5 5-.4.8-1 1.6-1.7 2.3',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className = 'size-4' }: { name: IconName; className?: string }) {
  const filled = name === 'play';
  return (
    <svg
      viewBox="0 0 20 20"
      className={className}
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
