/** "85 credits" and "≈ $0.85": the price is the server's, this only writes it out. */
/* One formatter for every card: toLocaleString() builds a new one on each call, the costliest part of a card's render. */
const NUMBER = new Intl.NumberFormat('en-US');

export function formatCredits(credits: number): string {
  return `${NUMBER.format(credits)} ${credits === 1 ? 'credit' : 'credits'}`;
}

export function formatUsd(usd: number): string {
  return `≈ $${usd.toFixed(2)}`;
}
