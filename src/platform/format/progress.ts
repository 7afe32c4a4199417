// Progress as text: ▓ for done, ░ for the rest.

/**
 * `width` cells, ▓ for the done share: ▓▓▓▓░░░░░░ for 4 of 10. With `width` = `total`, one cell per item
 * (a checklist's steps).
 */
export function progressBar(done: number, total: number, width = 10): string {
  const filled = total <= 0 ? 0 : Math.round((Math.min(Math.max(done, 0), total) / total) * width);
  return "▓".repeat(filled) + "░".repeat(Math.max(0, width - filled));
}
