import type { Client } from '@zhizhi/core/client';

/** A client that can read a photo with its token (`HttpClient.fetchPhoto`). */
interface PhotoReader {
  fetchPhoto(url: string, options?: { caseId?: string }): Promise<Blob>;
}

const canRead = (client: Client | undefined): client is Client & PhotoReader =>
  typeof (client as Partial<PhotoReader> | undefined)?.fetchPhoto === 'function';

/**
 * The photos of the case `zz-case` shows, as object URLs: an `<img>` cannot send the token a
 * photo needs, so each one is read through the provider's client (`fetchPhoto`, with the case
 * id so that anyone who may see the case may see its photos) and shown from a `blob:` URL,
 * released when the case changes or the element leaves the page. A client that cannot read
 * photos (a `LocalClient`) shows none.
 *
 * @internal
 */
export class CasePhotos {
  readonly #urls = new Map<string, string>();
  #generation = 0;

  /** Reads the photos not read yet; calls `changed` after each one arrives. */
  load(client: Client | undefined, caseId: string, photos: readonly string[], changed: () => void) {
    if (!canRead(client)) return;
    const generation = this.#generation;
    for (const url of photos) {
      if (this.#urls.has(url)) continue;
      this.#urls.set(url, '');
      client.fetchPhoto(url, { caseId }).then(
        (blob) => {
          if (generation !== this.#generation) return;
          this.#urls.set(url, URL.createObjectURL(blob));
          changed();
        },
        () => {
          if (generation === this.#generation) this.#urls.delete(url);
        },
      );
    }
  }

  /** The object URLs read so far, in the order given. */
  shown(photos: readonly string[]): string[] {
    return photos.map((u) => this.#urls.get(u) ?? '').filter((u) => u !== '');
  }

  /** Releases every object URL (another case, or the element left the page). */
  clear(): void {
    this.#generation++;
    for (const u of this.#urls.values()) if (u) URL.revokeObjectURL(u);
    this.#urls.clear();
  }
}
