/**
 * A JSON answer kept as text while what it is built from has not changed: `key` names that state (a
 * change counter, say), or is undefined when the state cannot be known — then every call builds again.
 * A change while building leaves the text kept under the key read before, so the next call builds again.
 */
export class CachedJson {
  #kept: { key: string; text: string } | undefined;

  constructor(
    private readonly key: () => string | undefined,
    private readonly build: () => Promise<unknown>,
  ) {}

  async text(): Promise<string> {
    const key = this.key();
    if (key !== undefined && this.#kept?.key === key) return this.#kept.text;
    const text = JSON.stringify(await this.build());
    if (key !== undefined) this.#kept = { key, text };
    return text;
  }
}
