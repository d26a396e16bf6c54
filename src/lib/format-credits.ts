/** "85 credits" and "≈ $0.85": the price is the server's, this only writes it out. */
export function formatCredits(credits: number): string {
  return `${credits.toLocaleString('en-US')} ${credits === 1 ? 'credit' : 'credits'}`;
}

export function formatUsd(usd: number): string {
  return `≈ $${usd.toFixed(2)}`;
}
