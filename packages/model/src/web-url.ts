/**
 * The WHATWG URL parser, present in every browser and in Node. The model compiles with neither DOM nor
 * Node types (it must run in both), so the global is typed here for the little the model needs of it.
 */
export interface ParsedUrl {
  protocol: string;
  hostname: string;
  host: string;
}
const UrlParser = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

export function parseUrl(input: string): ParsedUrl | undefined {
  try {
    return new UrlParser(input);
  } catch {
    return undefined;
  }
}
