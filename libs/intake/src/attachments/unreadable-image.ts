/**
 * An image whose structure cannot be followed, so its metadata could not be found to remove it. Such a file
 * is refused rather than stored as sent: it might still carry the citizen's location.
 */
export class UnreadableImageError extends Error {
  constructor(readonly reason: string) {
    super(`unreadable image: ${reason}`);
    this.name = 'UnreadableImageError';
  }
}
