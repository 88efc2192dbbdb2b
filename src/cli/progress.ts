/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal and not --quiet:
 * bytes done / total, MB/s, ETA, files done. Redrawn at most 10 times a second.
 */
export class Progress {
  private doneBytes = 0;
  private doneFiles = 0;
  private last = 0;
  private readonly start = Date.now();
  private readonly enabled: boolean;

  constructor(
    private readonly totalBytes: number,
    private readonly totalFiles: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    enabled = true,
  ) {
    this.enabled = enabled && Boolean(stream.isTTY);
  }

  bytes(n: number): void {
    this.doneBytes += n;
    this.draw(false);
  }

  file(): void {
    this.doneFiles += 1;
    this.draw(false);
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const secs = Math.max((now - this.start) / 1000, 0.001);
    const rate = this.doneBytes / 1e6 / secs;
    const frac = this.totalBytes > 0 ? Math.min(this.doneBytes / this.totalBytes, 1) : 0;
    const eta = rate > 0 && this.totalBytes > 0 ? Math.max(0, (this.totalBytes - this.doneBytes) / 1e6 / rate) : 0;
    const width = 24;
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
    const line = `[${bar}] ${(this.doneBytes / 1e6).toFixed(1)}/${(this.totalBytes / 1e6).toFixed(1)} MB  ${rate.toFixed(0)} MB/s  ETA ${eta.toFixed(0)}s  files ${this.doneFiles}/${this.totalFiles}`;
    this.stream.write(`\r${line}\x1b[K`);
  }

  /** Clears the bar; the caller prints the one-line summary. */
  end(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}
