/**
 * How wide the header, banner and page grow: the usual 80rem, and on large desktops (2xl,
 * 1536 px and up) most of the screen, so a 1920 px display shows three gallery columns beside
 * the form instead of a narrow strip between empty margins.
 */
export const PAGE_WIDTH = 'mx-auto w-full max-w-7xl 2xl:max-w-[112rem]';
